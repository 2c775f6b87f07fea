const path = require('path');
const { task, src, dest } = require('gulp');

// tsc emits only JavaScript: icons and codex files are copied beside the built nodes.
task('build:icons', () =>
	src(['nodes/**/*.{png,svg}', 'nodes/**/*.node.json', 'credentials/**/*.{png,svg}'], { encoding: false }).pipe(
		dest((file) => path.resolve('dist', path.relative(path.resolve('.'), file.base))),
	),
);
