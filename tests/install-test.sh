#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the build into a temporary DESTDIR, moves the installed tree
# somewhere else, and checks that the moved program still finds its
# bundled plan, its translations and its settings schema.
# usage: install-test.sh BUILD_DIR PREFIX BINDIR DATADIR
set -eu

build=$1
prefix=$2
bindir=$3
datadir=$4

work=$(mktemp -d "${TMPDIR:-/tmp}/jalons-install-XXXXXX")
trap 'rm -rf "$work"' EXIT

fail () {
  echo "FAIL: $*" >&2
  exit 1
}

step () {
  echo "# $*"
}

step "meson install --destdir"
meson install -C "$build" --no-rebuild --quiet --destdir "$work/dest" >"$work/install.log" 2>&1 ||
  { cat "$work/install.log" >&2; fail "meson install failed"; }
[ -d "$work/dest$prefix" ] || fail "nothing installed under DESTDIR$prefix"

# Somewhere the build never knew of.
mv "$work/dest$prefix" "$work/moved"
root="$work/moved"
case "$bindir" in /*) fail "bindir $bindir is not inside the prefix";; esac
case "$datadir" in /*) fail "datadir $datadir is not inside the prefix";; esac
jalons="$root/$bindir/jalons"
share="$root/$datadir"

step "installed files"
for file in \
  "$jalons" \
  "$share/applications/org.jalons.Jalons.desktop" \
  "$share/metainfo/org.jalons.Jalons.metainfo.xml" \
  "$share/mime/packages/org.jalons.Jalons.xml" \
  "$share/icons/hicolor/scalable/apps/org.jalons.Jalons.svg" \
  "$share/icons/hicolor/symbolic/apps/org.jalons.Jalons-symbolic.svg" \
  "$share/glib-2.0/schemas/org.jalons.Jalons.gschema.xml" \
  "$share/jalons/schemas/gschemas.compiled" \
  "$share/jalons/plans/inserm-hrs4r-2022.json" \
  "$share/locale/fr/LC_MESSAGES/jalons.mo"
do
  [ -f "$file" ] || fail "not installed: ${file#"$root"/}"
done

# Nothing that would point the program back at the build or source trees.
clean_env () {
  env -u GSETTINGS_SCHEMA_DIR -u JALONS_DATADIR -u XDG_DATA_DIRS \
    HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config" \
    GSETTINGS_BACKEND=memory LANG=C.UTF-8 "$@"
}
mkdir -p "$work/home"

step "the moved program checks its bundled plan"
out=$(cd "$work" && clean_env LANGUAGE=en "$jalons" --check "$share/jalons/plans/inserm-hrs4r-2022.json") ||
  fail "jalons --check on the bundled plan failed: $out"
echo "$out" | grep -q "inserm-hrs4r-2022.json: a valid plan" || fail "unexpected --check output: $out"
echo "$out" | grep -q "^  actions: 112$" || fail "the bundled plan should have 112 actions: $out"

step "the moved program speaks French"
status=0
out=$(cd "$work" && clean_env LANGUAGE=fr "$jalons" --check "$work/home" 2>&1) || status=$?
[ "$status" -ne 0 ] || fail "jalons --check on a folder succeeded"
echo "$out" | grep -q "c’est un dossier, pas un plan" || fail "not in French: $out"
status=0
out=$(cd "$work" && clean_env LANGUAGE=fr "$jalons" --check 2>&1) || status=$?
[ "$status" -ne 0 ] || fail "jalons --check with no file succeeded"
echo "$out" | grep -q "^jalons: --check nécessite un FICHIER$" || fail "not in French: $out"

step "the installed schema compiles and is readable"
glib-compile-schemas --strict --dry-run "$share/glib-2.0/schemas" || fail "the installed schema does not compile"
out=$(gsettings --schemadir "$share/jalons/schemas" get org.jalons.Jalons export-page) ||
  fail "gsettings cannot read the installed schema"
[ "$out" = "'a4'" ] || fail "export-page defaults to $out"

# The window needs the schema: without it GLib aborts at once. Started
# where there is a display, it must still be running a few seconds later.
if [ -n "${DISPLAY:-}" ]; then
  step "the moved program opens its window"
  status=0
  clean_env LANGUAGE=en timeout 6 "$jalons" >"$work/window.log" 2>&1 || status=$?
  [ "$status" -eq 124 ] || { cat "$work/window.log" >&2; fail "the window exited with status $status"; }
  if grep -q "schema" "$work/window.log"; then
    cat "$work/window.log" >&2
    fail "the settings schema was not found"
  fi
  [ -f "$work/home/Documents/Inserm HRS4R action plan.jalons" ] ||
    fail "the window did not make the example plan from the bundled one"
else
  step "no display: the window is not started"
fi

echo "all install checks passed"
