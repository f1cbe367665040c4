#!/bin/sh
# A generic pre-publish webhook: send a story to copydesk; publish only if it passes.
#   COPYDESK_URL=http://127.0.0.1:8080 sh examples/cms/webhook.sh "Headline" story.html html
#   cat story.md | sh examples/cms/webhook.sh "Headline" - markdown
# Needs curl and jq. The story is read from the file (or `-`, standard input)
# and sent on curl's standard input, so a story of any size fits.
#
# Exit code: 0 publish (HTTP 200, a JSON reply, `complete: true`, verdict
# `pass` or `warn`); 1 blocked (copydesk found errors: fix the story); 2 held
# (copydesk could not check the story: unreachable, timed out, an HTTP error,
# a reply that is not JSON, an incomplete check, verdict `hold` or one this
# script does not know). Only 0 publishes. The reason is printed on stderr.
# COPYDESK_TIMEOUT: seconds to wait for the whole answer (default 10).
#
# Decisions (docs/desk.md): the editors' decisions about this story's
# findings (dismiss one, with who and why; accept a suggestion) are kept in a
# JSON file beside the story, STORY-FILE.decisions.json (or the file
# COPYDESK_DECISIONS names; none yet is fine), a list sent with every check.
# What they did is printed with the findings: `dismissed …`, `accepted …`,
# `refused …`, `lapsed …` (a decision that no longer matches the story).
set -u

hold() {
  echo "copydesk: HOLD: $1. Do not publish; check again, or ask the desk." >&2
  exit 2
}

[ $# -ge 2 ] || hold "usage: webhook.sh HEADLINE STORY-FILE|- [text|markdown|html]"
command -v jq > /dev/null 2>&1 || hold "jq is not installed, so the story cannot be sent"
command -v curl > /dev/null 2>&1 || hold "curl is not installed, so the story cannot be sent"

url="${COPYDESK_URL:-http://127.0.0.1:8080}/v1/check"
timeout="${COPYDESK_TIMEOUT:-10}"
reply=$(mktemp) || hold "cannot make a temporary file"
payload=$(mktemp) || hold "cannot make a temporary file"
trap 'rm -f "$reply" "$payload" "$reply.err" "$payload.story"' EXIT

story="$2"
if [ "$story" = "-" ]; then
  story="$payload.story"
  cat > "$story" || hold "cannot read the story from standard input"
fi
[ -r "$story" ] || hold "cannot read the story file $2"

decisions="${COPYDESK_DECISIONS:-}"
[ -n "$decisions" ] || [ "$2" = "-" ] || decisions="$2.decisions.json"
if [ -n "$decisions" ] && [ -e "$decisions" ]; then
  [ -r "$decisions" ] && [ -f "$decisions" ] || hold "cannot read the decisions file $decisions"
  jq -e 'type == "array"' "$decisions" > /dev/null 2>&1 ||
    hold "the decisions file $decisions is not a JSON list of decisions (docs/desk.md)"
else
  decisions=""
fi

# jq builds the JSON (quotes, newlines and any byte escaped properly) into a
# file, and curl sends that file: nothing large goes on a command line.
if [ -n "$decisions" ]; then
  jq -n --arg headline "$1" --rawfile body "$story" --arg format "${3:-text}" --slurpfile decisions "$decisions" \
    '{headline: $headline, body: $body, format: $format, decisions: $decisions[0]}' > "$payload" 2> "$reply.err"
else
  jq -n --arg headline "$1" --rawfile body "$story" --arg format "${3:-text}" \
    '{headline: $headline, body: $body, format: $format}' > "$payload" 2> "$reply.err"
fi || hold "cannot build the request: $(head -n 1 "$reply.err")"
status=$(curl -sS --max-time "$timeout" -o "$reply" -w '%{http_code}' \
  -H 'content-type: application/json' --data-binary @"$payload" "$url" 2> "$reply.err")
code=$?
error=$(head -n 1 "$reply.err" 2> /dev/null)
rm -f "$reply.err"
[ "$code" -eq 0 ] || hold "copydesk did not answer ($url: ${error:-curl exit $code})"
if [ "$status" != "200" ]; then
  message=$(jq -r 'if type == "object" and (.message | type) == "string" then .message else empty end' "$reply" 2> /dev/null)
  hold "copydesk answered HTTP $status${message:+: $message}"
fi
jq -e 'type == "object" and (.verdict | type) == "string" and (.messages | type) == "array"' "$reply" > /dev/null 2>&1 ||
  hold "copydesk's answer is not a result it understands"

# Every finding, for the log and the editor.
jq -r '.messages[] | "\(.field // "body") \(.line // "?"):\(.column // "?") \(.severity) \(.reason)"' "$reply" 2> /dev/null
# What the decisions did: the trail a desk chief reads.
jq -r '(.decisions // {}) as $d | def at: "\(.field // "body") \(.line // "?"):\(.column // "?")";
  (($d.dismissed // [])[] | "dismissed \(at) \(.severity) \(.reason) by \(.dismissedBy)\(if .dismissReason then ": " + .dismissReason else "" end)"),
  (($d.accepted // [])[] | "accepted \(at) `\(.actual)` -> `\(.replacement)` by \(.acceptedBy)\(if .done then "" else " (not yet in the copy)" end)"),
  (($d.refused // [])[] | "refused \(.decision.action) `\(.decision.actual)` by \(.decision.by): \(.why)"),
  (($d.lapsed // [])[] | "lapsed \(.action) `\(.actual)` (\(.ruleId)) by \(.by): it no longer matches the story")' "$reply" 2> /dev/null

verdict=$(jq -r '.verdict' "$reply")
reason=$(jq -r '.reason // empty | tostring' "$reply")
if [ "$verdict" = "block" ] && jq -e '.complete == true' "$reply" > /dev/null; then
  echo "copydesk: BLOCK: fix the errors above before publishing${reason:+ ($reason)}." >&2
  exit 1
fi
jq -e '.complete == true' "$reply" > /dev/null ||
  hold "copydesk did not finish checking this story${reason:+: $reason}"
case "$verdict" in
  pass | warn) exit 0 ;;
  hold) hold "copydesk held the story${reason:+: $reason}" ;;
  *) hold "copydesk answered verdict \"$verdict\", which this script does not know${reason:+: $reason}" ;;
esac
