#!/usr/bin/env bash
# CI: validate the Linux desktop entry and AppStream metainfo (desktop-file-utils, appstream).
# Hints from desktop-file-validate (e.g. "News" could add "Network") are informational, not failures.
set -euo pipefail
cd "$(dirname "$0")/linux"
status=0
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate io.github.siftreader.Sift.desktop || status=1
else
  echo "desktop-file-validate missing (apt-get install desktop-file-utils)"; status=1
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net io.github.siftreader.Sift.metainfo.xml || status=1
else
  echo "appstreamcli missing (apt-get install appstream)"; status=1
fi
exit $status
