/**
 * src/spell/short-words.ts: the array that keeps spelling verdicts on words
 * of one to three ASCII letters. Two words sharing a slot would give one the
 * other's verdict, so every such word must have a slot of its own.
 */
import {describe, expect, test} from 'vitest'
import {ShortWords, slotOf} from '../src/spell/short-words.js'
import {check} from '../src/index.js'

const letters = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ']

describe('ShortWords', () => {
  test('every word of one to three ASCII letters has a slot of its own, inside the array', () => {
    const slots = new Set<number>()
    const outside: string[] = []
    let words = 0
    for (const a of letters) {
      for (const word of [a, ...letters.map((b) => a + b), ...letters.flatMap((b) => letters.map((c) => a + b + c))]) {
        const slot = slotOf(word)
        if (slot < 0 || slot >= 53 ** 3) outside.push(word)
        slots.add(slot)
        words++
      }
    }
    expect(outside).toEqual([])
    expect(words).toBe(52 + 52 ** 2 + 52 ** 3)
    expect(slots.size).toBe(words)
  })

  test('holds no other word', () => {
    for (const word of ['', 'said', 'é', 'a1', "I'm", 'a-b', ' a', 'ab\u0301']) expect(slotOf(word)).toBe(-1)
  })

  test('keeps yes and no apart from not asked', () => {
    const words = new ShortWords()
    expect(words.get('teh')).toBeUndefined()
    words.set('teh', false)
    words.set('The', true)
    words.set('said', true)
    expect([words.get('teh'), words.get('The'), words.get('the'), words.get('said')]).toEqual([false, true, undefined, undefined])
  })

  test('short typos are still found after the same words were seen spelled right', async () => {
    await check('The cat sat on the mat and ate its fill.')
    const file = await check('Teh cat sat on teh mat adn ate its fill.')
    expect(file.messages.map(String)).toEqual([
      '1:1-1:4: `Teh` is not in the dictionary; did you mean `The`?',
      '1:16-1:19: `teh` is not in the dictionary; did you mean `the`?',
      '1:24-1:27: `adn` is not in the dictionary; did you mean `and`?'
    ])
  })
})
