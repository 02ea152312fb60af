export { demoCommand } from './demo.js';
export { sandboxCommand } from './sandbox.js';
