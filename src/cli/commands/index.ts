export { demoCommand } from './demo.js';
export { idCommand } from './id.js';
export { recordsCommand } from './records.js';
export { sandboxCommand } from './sandbox.js';
export { searchCommand } from './search.js';
export { showCommand } from './show.js';
export { syncCommand } from './sync.js';
export { verifyCommand } from './verify.js';
