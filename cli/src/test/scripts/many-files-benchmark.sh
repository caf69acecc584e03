#!/bin/sh
# The many-files benchmark (#27): one `imagearray describe` run over many volumes, against a shell
# loop of one `imagearray describe` process per file and against vIQA's describe in a Python loop
# (viqa_describe_loop.py: vIQA's numpy/scipy statistics, as vIQA itself is not installed here),
# on the same files, in the same run: files per second of each.
#
# Usage, at the repository root after `mvn -B package -DskipTests`:
#   sh cli/src/test/scripts/many-files-benchmark.sh [SMALL_COUNT [LARGE_COUNT [RUNS [EXTENSION]]]]
# Defaults: 100 volumes of 64^3 and 20 of 256^3 float32, 3 runs of each way (alternating, the
# median quoted), EXTENSION nii.gz (or nii). The volumes are written once to a temporary directory
# (IMAGEARRAY_BENCH_DIR to choose it), removed at the end. PYTHON: a python3 with numpy, scipy and
# nibabel (default /usr/bin/python3). The program: cli/target/imagearray-<version>/bin/imagearray.
set -eu

small=${1:-100}
large=${2:-20}
runs=${3:-3}
extension=${4:-nii.gz}
python=${PYTHON:-/usr/bin/python3}
here=$(cd "$(dirname "$0")" && pwd)
program=$(ls -d "$here"/../../../target/imagearray-*/bin/imagearray | head -n 1)
[ -x "$program" ] || { echo "many-files-benchmark: no $program; run mvn -B package -DskipTests first" >&2; exit 1; }
work=${IMAGEARRAY_BENCH_DIR:-$(mktemp -d)}
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
# seconds since START, appended to FILE
elapsed() { awk -v end="$(now)" -v start="$1" 'BEGIN { print end - start }' >>"$2"; }
# median of the numbers on standard input
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

measure() { # SET COUNT SIZE
	set_name=$1 count=$2 size=$3
	files=$work/$set_name
	"$python" "$here/write_volumes.py" "$files" "$count" "$size" "$extension"
	one=$work/one.txt loop=$work/loop.txt viqa=$work/viqa.txt
	: >"$one"; : >"$loop"; : >"$viqa"
	for run in $(seq "$runs"); do
		rm -rf "$work/out" && mkdir -p "$work/out/one" "$work/out/loop" "$work/out/viqa"
		start=$(now)
		"$program" describe "$files"/*."$extension" --out "$work/out/one" >/dev/null
		elapsed "$start" "$one"
		start=$(now)
		for f in "$files"/*."$extension"; do
			"$program" describe "$f" --out "$work/out/loop" >/dev/null
		done
		elapsed "$start" "$loop"
		start=$(now)
		"$python" "$here/viqa_describe_loop.py" "$work/out/viqa" "$files"/*."$extension"
		elapsed "$start" "$viqa"
	done
	# the rows of the one run are those of the loop, file by file
	rows=$(tail -n +2 "$work/out/one/statistics.csv" | wc -l)
	[ "$rows" -eq "$count" ] || { echo "many-files-benchmark: $rows rows for $count files" >&2; exit 1; }
	t_one=$(median <"$one") t_loop=$(median <"$loop") t_viqa=$(median <"$viqa")
	awk -v set="$set_name" -v n="$count" -v size="$size" -v one="$t_one" -v loop="$t_loop" -v viqa="$t_viqa" \
		-v runs="$runs" 'BEGIN {
		printf "%s: %d x %d^3 float32, median of %d runs (s): one run %.2f, loop of processes %.2f, vIQA Python loop %.2f\n", set, n, size, runs, one, loop, viqa
		printf "%s: files/s: one run %.1f, loop of processes %.1f, vIQA Python loop %.1f; one run / loop %.1fx, one run / vIQA %.1fx\n", set, n / one, n / loop, n / viqa, loop / one, viqa / one
	}'
	rm -rf "$files"
}

echo "many-files-benchmark: $program, $(nproc) processors, .$extension"
[ "$small" -gt 0 ] && measure small "$small" 64
[ "$large" -gt 0 ] && measure large "$large" 256
exit 0
