#!/bin/sh
# Compiles GOV.UK Frontend for algoreg. Run `npm ci && npm run build` after changing scss/ or the pinned version.
set -eu
out=../algoreg/static/govuk
rm -rf "$out" && mkdir -p "$out"
npx sass --pkg-importer=node --style=compressed --no-source-map scss/main.scss "$out/algoreg.css"
cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js "$out/"
# The footer's crown copyright crest is GOV.UK branding we must not use, so its image is dropped.
sed -i 's#url("/static/govuk/assets/images/govuk-crest.svg")#none#g' "$out/algoreg.css"
! grep -q "govuk-crest\|GDS Transport" "$out/algoreg.css"
