import type { Command } from './command.js';
import { demoCommand, sandboxCommand } from './commands/index.js';

/** Every CLI command, in the order `kaifang --help` lists them. A new command is one file plus one entry here. */
export const commands: readonly Command[] = [sandboxCommand, demoCommand];
