/**
 * Run a process to its end for the tests that drive the CLI or a recipe's
 * script: what it wrote to standard output and error (as text) and its exit
 * code. `input` goes to its standard input, which is then closed.
 */
import {spawn, type SpawnOptions} from 'node:child_process'

/** How a process ended. */
export interface Run {
  code: number | null
  stdout: string
  stderr: string
}

export function runProcess(command: string, args: string[], options: SpawnOptions & {input?: string} = {}): Promise<Run> {
  const {input = '', ...spawnOptions} = options
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {...spawnOptions, stdio: 'pipe'})
    let stdout = ''
    let stderr = ''
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({code, stdout, stderr}))
    child.stdin!.end(input)
  })
}
