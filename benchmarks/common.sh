# Shared by the benchmark scripts (sourced, not run): the repository root, the SwiftPM scratch
# path, the peers' virtual environment (kept outside the repository), and a release build of a
# product. After sourcing: $root, $scratch, $venv, and `build_release PRODUCT` (prints its path).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scratch="${HYPERLAB_BENCH_SCRATCH:-.build}"
venv="${HYPERLAB_BENCH_VENV:-$HOME/.cache/hyperlab-bench-venv}"
case "$(cd "$(dirname "$venv")" 2>/dev/null && pwd)/" in
    "$root"/*) echo "HYPERLAB_BENCH_VENV=$venv is inside the repository; put it outside" >&2; exit 2 ;;
esac

build_release() {
    echo "== building $1 (release, scratch path $scratch)" >&2
    swift build -c release --product "$1" --scratch-path "$scratch" 2>&1 | tail -n 1 >&2
    echo "$(swift build -c release --product "$1" --scratch-path "$scratch" --show-bin-path)/$1"
}
