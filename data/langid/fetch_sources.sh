#!/usr/bin/env bash
# Fetches what build_model.py and make_evalset.py read, into DIR (default /tmp/sluice-langid):
# a venv with lingua 1.x (model source) and the peers evaluate.py compares against, and
# Debian packages unpacked under DIR/x. Needs pip, apt-get and tesseract-ocr (for mt's word list).
set -euo pipefail
DIR=${1:-/tmp/sluice-langid}
mkdir -p "$DIR/debs" "$DIR/x"
[ -x "$DIR/venv/bin/python" ] || python3 -m venv "$DIR/venv"
"$DIR/venv/bin/pip" install -q brotli 'lingua-language-detector<2' langdetect py3langid pycld2
command -v dawg2wordlist >/dev/null || apt-get install -y --no-install-recommends tesseract-ocr
cd "$DIR/debs"
apt-get download libreoffice-help-gl tesseract-ocr-mlt debian-handbook \
    manpages-fi manpages-hu manpages-mk manpages-uk manpages-sr
dpkg-deb -x libreoffice-help-gl_*.deb "$DIR/x/lohelp"
dpkg-deb -x tesseract-ocr-mlt_*.deb "$DIR/x/tess"
dpkg-deb -x debian-handbook_*.deb "$DIR/x/handbook"
for l in fi hu mk uk sr; do dpkg-deb -x manpages-${l}_*.deb "$DIR/x/man-$l"; done
mkdir -p "$DIR/x/tess/un" && cd "$DIR/x/tess/un"
combine_tessdata -u ../usr/share/tesseract-ocr/5/tessdata/mlt.traineddata mlt. >/dev/null
dawg2wordlist mlt.lstm-unicharset mlt.lstm-word-dawg words.txt
echo "lingua models: $(echo "$DIR"/venv/lib/python3*/site-packages/lingua/language-models)"
echo "Galician help: $DIR/x/lohelp   Maltese words: $DIR/x/tess/un/words.txt   eval root: $DIR/x"
