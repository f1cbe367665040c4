/**
 * Kind `title` and rules/titles.yml: titles of people (AP `titles`). The
 * tables are AP-NOTES D.1 (sentences 1–38 and the quotation cases) plus
 * the traps the news corpus holds: names and institutions that start with a
 * title word, and the musician Prince.
 */
import {describe, expect, test} from 'vitest'
import {check} from '../src/index.js'
import {docsUrl} from '../src/message.js'
import {kinds} from '../src/house-style/kinds/index.js'
import {kind} from '../src/house-style/kinds/title.js'
import {fields, flaggedBy, onlyChecks} from './util/messages.js'

const ruleId = 'titles'
const only = onlyChecks()
const flagged = flaggedBy(ruleId, only)

const alone = 'a title is capitalized only directly before a name'
const descriptive = 'a descriptive title is lowercase even before a name'
const capitalize = 'a formal title directly before a name is capitalized'

describe('titles', () => {
  test('a whole message (D.1 #6)', async () => {
    const file = await check("Mali's Foreign Minister said the capital was safe.", only)
    expect(file.messages.filter((message) => message.ruleId === ruleId).map(fields)).toEqual([
      {
        reason: `Use \`foreign minister\`, not \`Foreign Minister\`: ${alone}.`,
        ruleId,
        source: 'copydesk',
        place: {start: {line: 1, column: 8, offset: 7}, end: {line: 1, column: 24, offset: 23}},
        actual: 'Foreign Minister',
        expected: ['foreign minister'],
        // Its check's explanation, at the entry's row (which links the stylebook).
        url: docsUrl('titles', 'minister'),
        note: 'Ministerial titles follow the general rule; AP\'s example is Foreign Minister Sergey Lavrov.',
        fatal: false,
        data: {entry: 'minister'}
      }
    ])
  })

  // AP-NOTES D.1, by number, and a few more of the same shapes.
  test.each([
    ['#3', 'Macron, the French President, rejected the request.', `1:20-1:29: Use \`president\`, not \`President\`: ${alone}.`],
    ['#6', "Mali's Foreign Minister said the capital was safe.", `1:8-1:24: Use \`foreign minister\`, not \`Foreign Minister\`: ${alone}.`],
    ['#7', "Mali's Foreign Minister, Abdoulaye Diop, dismissed the warnings.", `1:8-1:24: Use \`foreign minister\`, not \`Foreign Minister\`: ${alone}.`],
    ['#11', 'Landau, Deputy Secretary of State, said talks would continue.', `1:9-1:34: Use \`deputy secretary of state\`, not \`Deputy Secretary of State\`: ${alone}.`],
    ['#12', 'The Secretary of State is expected in Dakar next week.', `1:5-1:23: Use \`secretary of state\`, not \`Secretary of State\`: ${alone}.`],
    ['#14', 'Foreign Ministers from the three Sahel states met in Niamey.', `1:1-1:18: Use \`Foreign ministers\`, not \`Foreign Ministers\`: ${alone}.`],
    ['#16', 'The crew was led by Astronaut Sunita Williams.', `1:21-1:30: Use \`astronaut\`, not \`Astronaut\`: ${descriptive}.`],
    ['#17', 'State Department Spokesperson Tammy Bruce declined to comment.', `1:18-1:30: Use \`spokesperson\`, not \`Spokesperson\`: ${descriptive}.`],
    ['#18', 'Chiefs Coach Andy Reid praised the defense.', `1:8-1:13: Use \`coach\`, not \`Coach\`: ${descriptive}.`],
    ['#19', 'White House Press Secretary Karoline Leavitt said the call was productive.', `1:13-1:28: Use \`press secretary\`, not \`Press Secretary\`: ${descriptive}.`],
    ['#20', 'The gala was hosted by First Lady Melania Trump.', `1:24-1:34: Use \`first lady\`, not \`First Lady\`: ${descriptive}.`],
    ['#23', 'Governor Gavin Newsom signed the bill.', '1:1-1:9: Use `Gov.`, not `Governor`: AP abbreviates this title before a name (Gov.).'],
    ['#24', 'Pres. Joe Biden spoke first.', '1:1-1:6: Use `President`, not `Pres.`: AP never abbreviates this title.'],
    ['#25', 'Atty. Gen. Pam Bondi announced the charges.', '1:1-1:11: Use `Attorney General`, not `Atty. Gen.`: AP never abbreviates this title.'],
    ['#27', 'Rev. Al Sharpton led the march.', '1:1-1:5: Use `The Rev.`, not `Rev.`: AP writes “the Rev.” before a name.'],
    ['#27', 'The march was led by Reverend Al Sharpton.', '1:22-1:30: Use `the Rev.`, not `Reverend`: AP abbreviates this title before a name (Rev.).'],
    ['#28', 'Senator Tim Scott, R-South Carolina, voted no.', '1:1-1:8: Use `Sen.`, not `Senator`: AP abbreviates this title before a name (Sen.).'],
    ['#31', 'The meeting was called by presidents Obama and Biden.', `1:27-1:37: Use \`Presidents\`, not \`presidents\`: ${capitalize}.`],
    ['#32', 'The program was created by then President Barack Obama.', '1:28-1:42: Use `then-President`, not `then President`: “then” joins the title with a hyphen.'],
    ['#32', 'Then-president Obama signed it.', `1:1-1:15: Use \`Then-President\`, not \`Then-president\`: ${capitalize}.`],
    ['#33', 'President-Elect Joe Biden spoke.', '1:1-1:16: Use `President-elect`, not `President-Elect`: -elect and -designate are lowercase.'],
    ['#35', 'The Pope urged a cease-fire.', `1:5-1:9: Use \`pope\`, not \`Pope\`: ${alone}.`],
    ['#36', 'The King opened Parliament.', `1:5-1:9: Use \`king\`, not \`King\`: ${alone}.`],
    ['#37', 'The Senate passed the bill, but the Senator voted against it.', `1:37-1:44: Use \`senator\`, not \`Senator\`: ${alone}.`],
    ['D.0', '“We will not surrender,” said Mali\'s Foreign Minister.', `1:38-1:54: Use \`foreign minister\`, not \`Foreign Minister\`: ${alone}.`],
    ['brief', 'He met deputy secretary of state Christopher Landau on Tuesday.', `1:8-1:33: Use \`Deputy Secretary of State\`, not \`deputy secretary of state\`: ${capitalize}.`],
    ['rank', 'The crew was led by General Colin Powell.', '1:21-1:28: Use `Gen.`, not `General`: AP abbreviates this title before a name (Gen.).'],
    ['modifier', 'He met Former President Barack Obama.', '1:8-1:14: Use `former`, not `Former`: modifiers such as former and acting stay lowercase.'],
    ['possessive', "The President's plan failed.", `1:5-1:16: Use \`president's\`, not \`President's\`: ${alone}.`],
    ['corpus', 'A spokesman for Mr Blair said the Prime Minister expected the conference to succeed.', `1:35-1:49: Use \`prime minister\`, not \`Prime Minister\`: ${alone}.`],
    ['corpus', 'The plane crash killed former Senator John Tower.', '1:31-1:38: Use `Sen.`, not `Senator`: AP abbreviates this title before a name (Sen.).']
  ])('%s flags %j', async (_, text, line) => {
    expect(await flagged(text)).toEqual([line])
  })

  test.each([
    // AP-NOTES D.1: sentences that must stay silent.
    "President Emmanuel Macron met Mali's interim leaders in Paris.",
    'The president of France said he would not send troops.',
    'Foreign Minister Abdoulaye Diop said the fuel blockade had eased.',
    "Mali's Foreign Minister Abdoulaye Diop spoke at the defense fair.",
    "Mali's foreign minister, Abdoulaye Diop, dismissed the warnings.",
    'Deputy Secretary of State Christopher Landau met Diop on Tuesday.',
    'Christopher Landau, the deputy secretary of state, met Diop on Tuesday.',
    'Secretary of State Marco Rubio spoke with the foreign ministers of Mali, Niger and Burkina Faso.',
    'Astronaut Sunita Williams returned to Earth in March.',
    'Gov. Gavin Newsom and Lt. Gov. Eleni Kounalakis signed the letter.',
    'The Rev. Al Sharpton led the march.',
    'The march was led by the Rev. Al Sharpton.',
    'Republican Sen. Tim Scott of South Carolina voted no.',
    'Former Presidents Barack Obama and Joe Biden attended.',
    'They attended with former President Barack Obama.',
    'Presidents Obama and Biden attended.',
    "Pope Leo XIV celebrated Mass in St. Peter's Square. Leo later met the cardinals.",
    'The pontiff urged a cease-fire.',
    'King Charles III opened Parliament.',
    'The Prince of Wales attended.',
    'The Senate passed the bill, but the senator voted against it.',
    'General Motors and the U.N. General Assembly were mentioned, as were Dean Smith, Major Garrett and Billie Jean King.',
    // Quotations are not altered (D.0).
    '“The President is wrong,” Diop said.',
    '"Today I had an excellent conversation with Mali\'s Foreign Minister," he wrote.',
    // Names and institutions that start with a title word.
    'Prime Minister John Major spoke. Chancellor Helmut Kohl spoke. President Bill Clinton spoke.',
    'Presidents Day is a holiday. Major League Baseball resumed. Stephen King wrote it. Martin Luther King Jr. spoke.',
    "The State Department and the Foreign Ministry declined. He lives in Prince George's County.",
    'General Electric Co and General Mills Inc. reported. General Cable said profits rose.',
    'She grossed more than Prince last year. The only real challenger was Queen.',
    'Songs by Will Young, Queen, Kate Bush and Joy Division were played.',
    'Spokesman Nick Davies declined to comment.',
    'Shares of Coach Inc. rose.',
    'Indonesian President Suharto spoke. Microsoft Chairman Bill Gates spoke.',
    'The figures came from the Office of the Deputy Prime Minister.',
    'The Senators beat the Bruins. The Cardinals won again.',
    'Julie Bishop said the talks failed.',
    'Captain America returned. He watched Doctor Who.',
    // A lowercase noun before a lowercase title: a description, not AP's title.
    'State media quoted central bank governor Dai Xianglong as saying so.',
    'Conservative shadow home secretary David Davis was worried.',
    'Toronto police sergeant Marilyn McCann said so.'
  ])('leaves %j alone', async (text) => {
    expect(await flagged(text)).toEqual([])
  })

  test('D.0: spoken titles inside quotes are suggested as AP forms, never applied', async () => {
    const file = await check('“Senator Scott called me,” she said.', only)
    expect(file.messages.filter((message) => message.ruleId === ruleId).map(fields)).toEqual([
      {
        reason: 'Use `Sen.`, not `Senator`: AP abbreviates this title before a name (Sen.).',
        ruleId,
        source: 'copydesk',
        place: {start: {line: 1, column: 2, offset: 1}, end: {line: 1, column: 9, offset: 8}},
        actual: 'Senator',
        expected: ['Sen.'],
        // Its check's explanation, at the entry's row (which links the stylebook).
        url: docsUrl('titles', 'senator'),
        note: undefined,
        fatal: undefined,
        data: {entry: 'senator', quoted: true}
      }
    ])
  })

  test('headlines use the same rule', async () => {
    const file = await check('Body text.', {...only, headline: "Mali's Foreign Minister says capital is safe"})
    expect(file.messages.filter((message) => message.ruleId === ruleId).map(String)).toEqual([
      `1:8-1:24: Use \`foreign minister\`, not \`Foreign Minister\`: ${alone}.`
    ])
  })

  // Out of scope, on purpose: D.1 #21 "Professor Jane Okafor, who studies the Sahel, …" starts
  // a sentence, where case says nothing (#15 "Astronaut Sunita Williams returned" is OK for the
  // same reason); AP's fix is a rewrite, which a case check cannot propose.
  test('#21: a descriptive title at the start of a sentence is not judged', async () => {
    expect(await flagged('Professor Jane Okafor, who studies the Sahel, was interviewed.')).toEqual([])
    expect(await flagged('The talk was given by Professor Jane Okafor.')).toEqual([
      `1:23-1:32: Use \`professor\`, not \`Professor\`: ${descriptive}.`
    ])
  })

  // Issue 8: every shape of a name after a lowercase title, and of a title used as a noun.
  // Our own wire sentences.
  test.each([
    ["The state budget was signed by governor JB Pritzker late on Friday.", `1:32-1:40: Use \`Gov.\`, not \`governor\`: AP abbreviates this title before a name (Gov.).`],
    ["Crowds lined the Mall as king Charles III rode to Westminster.", `1:26-1:30: Use \`King\`, not \`king\`: ${capitalize}.`],
    ["The amendment was drafted by senator Bill Hagerty of Tennessee.", `1:30-1:37: Use \`Sen.\`, not \`senator\`: AP abbreviates this title before a name (Sen.).`],
    ["The curfew was announced by mayor Eric Adams at City Hall.", `1:29-1:34: Use \`Mayor\`, not \`mayor\`: ${capitalize}.`],
    ["The talks in Riyadh were led by secretary of state Marco Rubio.", `1:33-1:51: Use \`Secretary of State\`, not \`secretary of state\`: ${capitalize}.`],
    ["Britain's prime minister Keir Starmer flew to Kyiv on Saturday.", `1:11-1:25: Use \`Prime Minister\`, not \`prime minister\`: ${capitalize}.`],
    ["The pact was signed with defense secretary Pete Hegseth present.", `1:26-1:43: Use \`Defense Secretary\`, not \`defense secretary\`: ${capitalize}.`],
    ["The veto came hours after governor Hochul said no.", `1:27-1:35: Use \`Gov.\`, not \`governor\`: AP abbreviates this title before a name (Gov.).`],
    ["He met Secretary of state Marco Rubio on Tuesday.", `1:8-1:26: Use \`Secretary of State\`, not \`Secretary of state\`: ${capitalize}.`],
    ["The letter was signed by Lars Olsen, the Danish Trade Minister, last week.", `1:49-1:63: Use \`trade minister\`, not \`Trade Minister\`: ${alone}.`],
    ["She is a Democratic Governor from the Midwest.", `1:21-1:29: Use \`governor\`, not \`Governor\`: ${alone}.`],
    ["The former Prime Minister declined to comment.", `1:12-1:26: Use \`prime minister\`, not \`Prime Minister\`: ${alone}.`],
    ["The President said the deal was done.", `1:5-1:14: Use \`president\`, not \`President\`: ${alone}.`],
    ["The Senators voted 52-48 to confirm her.", `1:5-1:13: Use \`senators\`, not \`Senators\`: ${alone}.`],
    ["The Foreign minister said talks would resume.", `1:5-1:21: Use \`foreign minister\`, not \`Foreign minister\`: ${alone}.`],
    ["The deputy Prime Minister said the vote would be held on Sunday.", `1:5-1:26: Use \`deputy prime minister\`, not \`deputy Prime Minister\`: ${alone}.`],
    ["Two Republican Senators said they would oppose the nominee.", `1:16-1:24: Use \`senators\`, not \`Senators\`: ${alone}.`],
    ["Officials at the U.S. Attorney's office declined to comment.", `1:18-1:33: Use \`U.S. attorney's\`, not \`U.S. Attorney's\`: ${alone}.`],
    ['The order drew fire from president Obama on Monday.', `1:26-1:35: Use \`President\`, not \`president\`: ${capitalize}.`],
    // Issue 19: a title starting inside another (`U.S. Attorney`) that reaches further is the title.
    ['The case was reviewed by U.S. attorney general Merrick Garland.', `1:31-1:47: Use \`Attorney General\`, not \`attorney general\`: ${capitalize}.`],
    ['He met former attorney general Merrick Garland on Monday.', `1:15-1:31: Use \`Attorney General\`, not \`attorney general\`: ${capitalize}.`]
  ])('issue 8 flags %j', async (text, line) => {
    expect(await flagged(text)).toEqual([line])
  })

  test.each([
    'Deputy Secretary Christopher Landau met the delegation.',
    "A spokesman for the Prime Minister's Office said no decision had been made.",
    'President of the Senate is a ceremonial role.',
    'The Democratic Governors Association spent $10 million on the race.',
    'Major Chinese newspapers said the talks had failed.',
    'Block bookings will be taken at the major Manchester hotels.',
    'The Senators beat the Bruins 4-2 in overtime.',
    "The Queen's song was lackluster, and the album sold poorly.",
    '"The Foreign minister is wrong," she said.',
    'THE PRESIDENT SAID THE DEAL WAS DONE',
    'Gov. JB Pritzker signed the budget.',
    'He met Defense Secretary Pete Hegseth on Tuesday.',
    'Pope Leo XIV celebrated Mass.',
    "The filing went to the Secretary of State's office.",
    // Issue 19: set off by commas (AP-NOTES A1.2), and the longer title only when it reaches a name.
    'The attorney general, Merrick Garland, spoke on Monday.',
    'He met the U.S. attorney for Manhattan on Monday.',
    'U.S. Attorney General Merrick Garland spoke, and U.S. Attorney Damian Williams agreed.'
  ])('issue 8 leaves %j alone', async (text) => {
    expect(await flagged(text)).toEqual([])
  })

  test('the kind is registered under its name', () => {
    expect(kinds.get('title')).toBe(kind)
  })
})
