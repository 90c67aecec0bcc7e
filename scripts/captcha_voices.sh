#!/usr/bin/env bash
# Regenerate the Vietnamese digit voices of the audio captcha: app/captcha/voices/<digit>/default.wav.
#
# The WAV files are committed (about 25 KB in all): CI and production servers have no espeak-ng,
# and the captcha library only ships English voices. Run this again only to change the voices;
# it needs espeak-ng and sox (apt-get install espeak-ng sox).
#
# The captcha library writes its own WAV header for 8 kHz, mono, 8-bit unsigned PCM and copies
# the voices' frames into it unchanged, so every voice must be in exactly that format.
# Leading and trailing silence is trimmed (the library adds its own random pauses between digits) at
# a low threshold, since 1% already cut the final "t" of "một"; each word is normalised to the same
# loudness so that no digit drowns in the background noise. `sox -R` seeds the dither the same way
# each run, so regenerating unchanged voices gives byte-identical files (no churn in git).
set -euo pipefail

cd "$(dirname "$0")/.."
voices=app/captcha/voices
words=("không" "một" "hai" "ba" "bốn" "năm" "sáu" "bảy" "tám" "chín")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

for digit in "${!words[@]}"; do
    mkdir -p "$voices/$digit"
    espeak-ng -v vi -s 130 -w "$scratch/tmp.wav" "${words[$digit]}"
    sox -R "$scratch/tmp.wav" -r 8000 -c 1 -b 8 -e unsigned-integer "$voices/$digit/default.wav" \
        silence 1 0.02 0.1% reverse silence 1 0.02 0.1% reverse norm -1
done

du -ch "$voices"/*/default.wav | tail -n 1
