/**
 * Reading a story's bytes (src/read.ts): every encoding copydesk accepts is
 * decoded and written back byte for byte; anything else is refused in one line.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {spawnSync} from 'node:child_process'
import {describe, expect, test} from 'vitest'
import {decodeStory, encodeStory, readStory, ReadError} from '../src/faces/read.js'

const latin1 = Buffer.from('The caf\xe9 owner said the the price.\n', 'latin1')

describe('decodeStory', () => {
  test.each<[string, Buffer, string, string]>([
    ['UTF-8', Buffer.from('The café owner.'), 'The café owner.', 'utf-8'],
    ['UTF-8 with a byte-order mark (kept as U+FEFF)', Buffer.from('\uFEFFThe café.'), '\uFEFFThe café.', 'utf-8'],
    ['UTF-16LE with a byte-order mark', Buffer.from('\uFEFFThe café TK.', 'utf16le'), '\uFEFFThe café TK.', 'utf-16le'],
    ['UTF-16BE with a byte-order mark', Buffer.from('\uFEFFThe café TK.', 'utf16le').swap16(), '\uFEFFThe café TK.', 'utf-16be'],
    ['Latin-1', latin1, 'The café owner said the the price.\n', 'windows-1252'],
    ['Windows-1252 curly quotes', Buffer.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35]), '“Hi” – €5', 'windows-1252'],
    ['nothing', Buffer.alloc(0), '', 'utf-8']
  ])('%s', (_name, bytes, text, encoding) => {
    const decoded = decodeStory(bytes)
    expect(decoded).toEqual({text, encoding})
    // Lossless: written back, the same bytes.
    expect(encodeStory(decoded.text, decoded.encoding).equals(bytes)).toBe(true)
  })

  test('every byte a Windows-1252 story may hold comes back as it was', () => {
    const bytes = Buffer.from(Array.from({length: 256}, (_, index) => index).filter((byte) => byte >= 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d).filter((byte) => ![0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(byte)))
    const decoded = decodeStory(bytes)
    expect(decoded.encoding).toBe('windows-1252')
    expect(encodeStory(decoded.text, 'windows-1252').equals(bytes)).toBe(true)
  })

  test.each<[string, Buffer, string]>([
    ['binary (NUL bytes, not UTF-8)', Buffer.from([0x00, 0xff, 0x00, 0xe9, 0x01]), 'is neither UTF-8, UTF-16 nor Windows-1252 (Latin-1) text; save it as UTF-8 and check it again'],
    ['a byte unassigned in Windows-1252', Buffer.from([0x41, 0x81, 0xe9]), 'is neither UTF-8, UTF-16 nor Windows-1252 (Latin-1) text; save it as UTF-8 and check it again'],
    ['UTF-16LE cut in half', Buffer.concat([Buffer.from('\uFEFFab', 'utf16le'), Buffer.from([0x41])]), 'starts with a UTF-16LE byte-order mark but is not valid UTF-16LE; save it as UTF-8 and check it again'],
    ['UTF-16BE with a lone surrogate', Buffer.from([0xfe, 0xff, 0xd8, 0x00, 0x00, 0x41]), 'starts with a UTF-16BE byte-order mark but is not valid UTF-16BE; save it as UTF-8 and check it again']
  ])('refuses %s', (_name, bytes, message) => {
    expect(() => decodeStory(bytes)).toThrow(new ReadError(message))
  })
})

describe('encodeStory', () => {
  test('refuses to write a character Windows-1252 cannot hold', () => {
    expect(() => encodeStory('The café → the bar', 'windows-1252')).toThrow(
      new ReadError('Windows-1252 (Latin-1) cannot hold `→`; save the story as UTF-8 to fix it')
    )
  })
})

describe('readStory', () => {
  test('refuses what is not a file without blocking on it', async () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-read-'))
    try {
      const fifo = path.join(base, 'x.txt')
      expect(spawnSync('mkfifo', [fifo]).status).toBe(0)
      fs.symlinkSync('/dev/zero', path.join(base, 'z.txt'))
      fs.symlinkSync('self.txt', path.join(base, 'self.txt'))
      fs.symlinkSync('nowhere.txt', path.join(base, 'gone.txt'))
      fs.writeFileSync(path.join(base, 'l.txt'), latin1)
      const outcome = async (name: string) => readStory(path.join(base, name)).then((value) => value.text, (error: Error) => `${error.name}: ${error.message}`)
      expect(await Promise.all(['x.txt', 'z.txt', 'self.txt', 'gone.txt', 'l.txt'].map(outcome))).toEqual([
        'ReadError: is a pipe (FIFO), not a story file; not checked',
        'ReadError: is a device, not a story file; not checked',
        'ReadError: is a link that loops back on itself; not checked',
        'ReadError: does not exist (a broken link?); not checked',
        'The café owner said the the price.\n'
      ])
    } finally {
      fs.rmSync(base, {recursive: true, force: true})
    }
  })
})
