/**
 * Irregular verbs written as if regular (`bringed`, `thinked`, `teached`):
 * the forms `spelling` suggests first, past tense then past participle when
 * they differ (`throwed` → `threw`, `thrown`). Edit distance alone finds
 * `bridged` or `ringed` for `bringed`, so these come from this table.
 *
 * Only forms no dictionary accepts are listed: `leaved`, `payed`, `singed`,
 * `ringed`, `costed`, `leaded`, `dreamed`, `leaped`, `lighted` are words.
 */
const table = `
arised arose arisen
awaked awoke awoken
beated beat beaten
becomed became become
begined began begun
bended bent
binded bound
bited bit bitten
bleeded bled
blowed blew blown
breaked broke broken
bringed brought
builded built
bursted burst
buyed bought
catched caught
choosed chose chosen
comed came come
creeped crept
cutted cut
dealed dealt
digged dug
drawed drew drawn
drinked drank drunk
drived drove driven
eated ate eaten
falled fell fallen
feeded fed
feeled felt
fighted fought
finded found
flinged flung
flyed flew flown
forbidded forbade forbidden
forgetted forgot forgotten
forgived forgave forgiven
freezed froze frozen
getted got gotten
gived gave given
goed went gone
growed grew grown
heared heard
hitted hit
holded held
hurted hurt
keeped kept
knowed knew known
layed laid
lended lent
letted let
losed lost
maked made
meaned meant
meeted met
mistaked mistook mistaken
overcomed overcame overcome
overtaked overtook overtaken
overthrowed overthrew overthrown
rebuilded rebuilt
rided rode ridden
rised rose risen
runned ran run
sayed said
seeked sought
selled sold
sended sent
setted set
shaked shook shaken
shooted shot
shutted shut
sinked sank sunk
sitted sat
sleeped slept
slided slid
speaked spoke spoken
spended spent
spinned spun
splitted split
spreaded spread
standed stood
stealed stole stolen
sticked stuck
stinged stung
striked struck
sweared swore sworn
sweeped swept
swimmed swam swum
swinged swung
taked took taken
teached taught
telled told
thinked thought
throwed threw thrown
undertaked undertook undertaken
understanded understood
upholded upheld
weared wore worn
weeped wept
winned won
withdrawed withdrew withdrawn
writed wrote written
`

const forms = new Map<string, string[]>()
for (const line of table.trim().split('\n')) {
  const [regularised, ...correct] = line.trim().split(/\s+/)
  forms.set(regularised, correct)
}

/** The irregular forms for a regularised one (`bringed` → `['brought']`), lower case; `undefined` if not listed. */
export function irregularForms(word: string): readonly string[] | undefined {
  return forms.get(word.toLowerCase())
}

/** Every listed regularised form (for tests). */
export function regularisedForms(): string[] {
  return [...forms.keys()]
}
