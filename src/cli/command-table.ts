import type { Command } from './command.js';
import { demoCommand, idCommand, recordsCommand, sandboxCommand, searchCommand, showCommand, syncCommand, verifyCommand } from './commands/index.js';

/** Every CLI command, in the order `kaifang --help` lists them. A new command is one file plus one entry here. */
export const commands: readonly Command[] = [searchCommand, showCommand, recordsCommand, syncCommand, verifyCommand, idCommand, sandboxCommand, demoCommand];
