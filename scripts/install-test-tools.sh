#!/usr/bin/env bash
# Makes the tests' Python virtual environment, outside the repository, with the tools that some
# tests run: kubernetes-validate (the Kubernetes API schemas, bundled, for an offline check of
# examples/kubernetes), nbformat (Jupyter's notebook schema, to validate every .ipynb the
# shell writes and the tutorials' notebooks), and jupyter_client with nbconvert (a real Jupyter
# client for the HyperLab kernel's tests). Installs only what is missing; prints the line to
# evaluate:
#
#   eval "$(scripts/install-test-tools.sh)"      # sets HYPERLAB_TEST_VENV
#
# The folder is $HYPERLAB_TEST_VENV, by default ~/.cache/hyperlab-test-venv. When PyPI cannot be
# reached it says why on stderr, prints nothing and fails: the tests that need it are then
# skipped, each with its reason.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${HYPERLAB_TEST_VENV:-$HOME/.cache/hyperlab-test-venv}"
validator=kubernetes-validate==1.37.0
notebooks=nbformat==5.11.1
client=jupyter_client==8.6.3
converter=nbconvert==7.16.6
mkdir -p "$(dirname "$venv")"
case "$(cd "$(dirname "$venv")" && pwd)/" in
    "$root"/*) echo "install-test-tools: HYPERLAB_TEST_VENV=$venv is inside the repository; put it outside" >&2; exit 2 ;;
esac

if [ ! -x "$venv/bin/python" ]; then
    echo "install-test-tools: creating the tests' virtual environment in $venv" >&2
    python3 -m venv "$venv" >&2 || {
        echo "install-test-tools: python3 -m venv failed; the Kubernetes manifest and notebook validation tests will be skipped" >&2
        exit 1
    }
fi
if [ "$("$venv/bin/kubernetes-validate" --version 2>/dev/null)" != "${validator#*==}" ]; then
    echo "install-test-tools: installing $validator into $venv" >&2
    "$venv/bin/pip" install --quiet --disable-pip-version-check "$validator" >&2 || {
        echo "install-test-tools: could not install $validator; the Kubernetes manifest test will be skipped" >&2
        exit 1
    }
fi
if [ "$("$venv/bin/python" -c 'import nbformat; print(nbformat.__version__)' 2>/dev/null)" != "${notebooks#*==}" ]; then
    echo "install-test-tools: installing $notebooks into $venv" >&2
    "$venv/bin/pip" install --quiet --disable-pip-version-check "$notebooks" >&2 || {
        echo "install-test-tools: could not install $notebooks; the Kubernetes manifest and notebook validation tests will be skipped" >&2
        exit 1
    }
fi
for tool in "$client" "$converter"; do
    module="${tool%%==*}"
    if [ "$("$venv/bin/python" -c "import $module; print($module.__version__)" 2>/dev/null)" != "${tool#*==}" ]; then
        echo "install-test-tools: installing $tool into $venv" >&2
        "$venv/bin/pip" install --quiet --disable-pip-version-check "$tool" >&2 || {
            echo "install-test-tools: could not install $tool; the Jupyter kernel client tests will be skipped" >&2
            exit 1
        }
    fi
done
echo "export HYPERLAB_TEST_VENV=$venv"
