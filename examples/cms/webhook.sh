#!/bin/sh
# A generic pre-publish webhook: send a story to copydesk, fail when it blocks.
#   COPYDESK_URL=http://127.0.0.1:8080 sh examples/cms/webhook.sh "Headline" story.html html
# Needs curl and jq. Exit code: 0 publish, 1 blocked, 2 copydesk unreachable.
set -u
url="${COPYDESK_URL:-http://127.0.0.1:8080}/v1/check"
payload=$(jq -n --arg headline "$1" --rawfile body "$2" --arg format "${3:-text}" \
  '{headline: $headline, body: $body, format: $format}')
result=$(curl -sS --max-time 10 -H 'content-type: application/json' --data "$payload" "$url") || exit 2
echo "$result" | jq -r '.messages[] | "\(.field) \(.line):\(.column) \(.severity) \(.reason)"'
echo "$result" | jq -e '.verdict != "block"' > /dev/null || exit 1
