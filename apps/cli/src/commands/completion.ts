// `rlprune completion bash|zsh`: prints the completion script for the shell (completion.ts).
import { parseCommand } from '../args/parse';
import { SPECS } from '../commands';
import { bashCompletion, zshCompletion } from '../completion';
import { COMPLETION } from '../specs/tools';

export async function completionCommand(argv: string[]): Promise<number> {
  const { args } = parseCommand(COMPLETION, argv);
  process.stdout.write(args[0] === 'bash' ? bashCompletion(SPECS) : zshCompletion(SPECS));
  return 0;
}
