/**
 * Edit distance helpers for names: is `Wahsington` one slip from a name the
 * dictionary knows, and are `Lyammouri` and `Lyamouri` the same name?
 */

const alphabet = 'abcdefghijklmnopqrstuvwxyz'

/**
 * Words in `known` (keyed by lower case) one Damerau edit from `word`: one
 * letter dropped, added, changed, or two neighbours swapped
 * (`Wahsington` → `Washington`, `Tuesdy` → `Tuesday`). Closest by kind of
 * slip first: swaps and drops, then changes, then additions.
 */
export function oneEditAway(word: string, known: ReadonlyMap<string, string>): string[] {
  const lower = word.toLowerCase()
  const found: string[] = []
  const add = (candidate: string) => {
    const match = known.get(candidate)
    if (match !== undefined && candidate !== lower && !found.includes(match)) found.push(match)
  }
  for (let i = 0; i < lower.length - 1; i++) {
    add(lower.slice(0, i) + lower[i + 1] + lower[i] + lower.slice(i + 2))
  }
  // A dropped letter in the copy: the known word has one more.
  for (let i = 0; i <= lower.length; i++) {
    const head = lower.slice(0, i)
    const tail = lower.slice(i)
    for (const letter of alphabet) add(head + letter + tail)
  }
  for (let i = 0; i < lower.length; i++) {
    const head = lower.slice(0, i)
    const tail = lower.slice(i + 1)
    for (const letter of alphabet) add(head + letter + tail)
  }
  for (let i = 0; i < lower.length; i++) add(lower.slice(0, i) + lower.slice(i + 1))
  return found
}

/**
 * Optimal string alignment distance (Damerau–Levenshtein with adjacent
 * swaps), stopping early: returns `limit + 1` as soon as the distance is
 * known to exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = 2): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  let before = new Array<number>(b.length + 1).fill(0)
  let previous = Array.from({length: b.length + 1}, (_, j) => j)
  let current = new Array<number>(b.length + 1).fill(0)
  for (let i = 1; i <= a.length; i++) {
    current[0] = i
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, before[j - 2] + 1)
      }
      current[j] = value
      if (value < best) best = value
    }
    if (best > limit) return limit + 1
    ;[before, previous, current] = [previous, current, before]
  }
  return Math.min(previous[b.length], limit + 1)
}

/**
 * Whether `written` looks like a slip of the keyboard for `intended`, the
 * way news names are mistyped rather than spelled differently: two
 * neighbouring letters swapped (`Wahsington`, `Januray`), or a letter dropped
 * inside the word (`Tuesdy`, `Febuary`). Changed, added, first and last
 * letters are how names *vary* (`Viktor`, `Willson`, `Hermann`,
 * `Christophe`, `Parnaby`), so they do not count. Both in lower case.
 */
export function isSlip(written: string, intended: string): boolean {
  if (written.length === intended.length) {
    let at = 0
    while (at < written.length && written[at] === intended[at]) at++
    return (
      at < written.length - 1 &&
      written[at] === intended[at + 1] &&
      written[at + 1] === intended[at] &&
      written.slice(at + 2) === intended.slice(at + 2)
    )
  }
  if (written.length !== intended.length - 1) return false
  let at = 0
  while (at < written.length && written[at] === intended[at]) at++
  return at > 0 && at < intended.length - 1 && written.slice(at) === intended.slice(at + 1)
}

const vowels = new Set(['a', 'e', 'i', 'o', 'u', 'y'])
const keyboard = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm']

/** Whether two lower-case letters are neighbours on a QWERTY keyboard. */
function adjacentKeys(x: string, y: string): boolean {
  for (let row = 0; row < keyboard.length; row++) {
    const at = keyboard[row].indexOf(x)
    if (at < 0) continue
    const around = [keyboard[row][at - 1], keyboard[row][at + 1], keyboard[row - 1]?.[at], keyboard[row - 1]?.[at + 1], keyboard[row + 1]?.[at], keyboard[row + 1]?.[at - 1]]
    return around.includes(y)
  }
  return false
}

/**
 * Whether `written` is one ordinary typing slip from `intended` (both lower
 * case): a slip by {@link isSlip} (two neighbours swapped, a letter dropped
 * inside), a letter doubled or undoubled, a vowel for a vowel (`happyness`),
 * or a neighbouring key. A changed letter that neither a key nor a sound
 * explains (`rerated`/`related`) is not one.
 */
export function isTypingSlip(written: string, intended: string): boolean {
  if (isSlip(written, intended)) return true
  if (written.length === intended.length) {
    let at = 0
    while (at < written.length && written[at] === intended[at]) at++
    if (at === written.length || written.slice(at + 1) !== intended.slice(at + 1)) return false
    const [x, y] = [written[at], intended[at]]
    return (vowels.has(x) && vowels.has(y)) || adjacentKeys(x, y)
  }
  // A doubled letter added or dropped: "occurred"/"occured", "untill"/"until".
  const [long, short] = written.length > intended.length ? [written, intended] : [intended, written]
  if (long.length !== short.length + 1) return false
  let at = 0
  while (at < short.length && long[at] === short[at]) at++
  return long.slice(at + 1) === short.slice(at) && (long[at] === long[at - 1] || long[at] === long[at + 1])
}
