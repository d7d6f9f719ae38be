// Output channels of the CLI, injectable so tests can run commands in-process.
export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}
