#!/usr/bin/env bash
# The virtual ESP32: builds what it needs and runs the firmware image (SensorNode.exe and the .pe of every library it
# needs, as a Visual Studio deployment puts them on the device) in nf-interpreter's POSIX nanoCLR with our natives
# (host/VirtualEsp32/native), against a broker, with the virtual board (host/SensorNode.VirtualBoard) serving I2C,
# GPIO and PWM. See docs/virtual-esp32.md.
#
#   bash host/VirtualEsp32/run.sh --broker HOST[:PORT] [--node-id ID] [options]
#
# It prints what it built (or took from its cache), then the node's console. Ctrl-C or a kill ends the device and
# the board with it (the device also dies with this script when it is killed with -9). A reboot of the device by the
# firmware (Power.RebootDevice: the watchdog, a restart) starts it again on the same flash folder.
#
# Needs the public repositories in MIRROR (default: ../.mirror beside the checkout; nano-check's README lists them)
# and nano-check beside the checkout (NANO_CHECK, default ../shared/nanoframework/nano-check), whose scripts build
# the libraries, the application and the metadata processor exactly as nano-check does. Installs cmake, ninja-build,
# g++ and libmbedtls-dev with apt-get when missing (as root). Build output: host/VirtualEsp32/build (VESP32_BUILD).
#   JOBS  parallel compile jobs for nanoCLR (default 2)
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 PYTHONDONTWRITEBYTECODE=1

usage() {
  cat <<'EOF'
usage: bash host/VirtualEsp32/run.sh --broker HOST[:PORT] [options]

The firmware image in the POSIX nanoCLR with the virtual ESP32's natives, against an MQTT broker.

  --broker HOST[:PORT]    the broker (port default 1883)                                   (required to run)
  --node-id ID            node id (default: from the virtual Wi-Fi MAC, as on a device); also names the flash folder
  --user NAME, --password PW   MQTT credentials
  --prefix P              topic prefix (default: the firmware's, sensornode)
  --interval S            seconds between telemetry cycles (default: the firmware's)
  --keepalive S           MQTT keep-alive in seconds (default: the firmware's)
  --every-reading         publish every reading and the snapshot every cycle (deadbands 0, snapshot "cycle")
  --chips A,B             the chips on the virtual I2C bus (default bme280), named by their sensor ids; the list:
                          host/SensorNode.HostBoard/I2c/VirtualChips.cs, or the board server's --help
  --heap KB               the managed heap, as an ESP32's, in KB (default 110: an ESP32-DevKitC without PSRAM)
  --wifi-ssid S, --wifi-password P   the virtual access point, which the node joins only with exactly these
                          (default SensorNodeLab / virtual-esp32); the deployed settings carry them
  --flash DIR             the device's internal flash (I:\) (default build/flash/<node id, or "default">)
  --erase-flash           empty the flash folder first (a fresh device)
  --no-deploy             leave the flash's settings file alone (default: deploy the connection settings above
                          into I:\sensornode-config.json, as nanoff --filedeployment would)
  --web PORT              the host port on 127.0.0.1 that stands for the device's port 80, its web page (default 0:
                          any free one; the device prints which at every boot)
  --setup                 a freshly flashed device: the flash and its network blocks emptied, nothing deployed (no
                          --broker needed); the firmware boots in setup mode, opens its access point (one restart)
                          and serves its setup page; the access point's network is the host's loopback
  --dhcp PORT             the host port on 127.0.0.1 that stands for UDP port 67, the device's DHCP server when its
                          access point runs (default 0: any free one, printed)
  --dhcp-client PORT      the host port where the device's broadcasts to UDP port 68 arrive: a DHCP client (a phone
                          joining the access point) listens there (default: none, such broadcasts are lost)
  --quiet-boot            leave out nanoCLR's statistics of every assembly it loads (RAM, ROM, metadata) at boot
  --heap-stats FILE       append nanoCLR's heap figures to FILE once a second while it is idle: collections,
                          bytes allocated since start, free bytes and the largest free block (measure.sh reads them)
  --trace-exceptions      nanoCLR's exception trace (this nanoCLR has no debugger: an exception nobody catches ends
                          its thread without a word)
  --build-only            build, print what was built, and stop
  --self-test             build nanoCLR and run host/VirtualEsp32/selftest (our natives with the real libraries)
                          instead of the firmware; exit 0 when every check passed
  -h, --help              this text

The flash folder is kept across reboots and runs. Exit status: the device's (0 when Main ended), 2 for a bad
command line or a failed build, 3 when the image needs a native assembly that this nanoCLR does not provide.
EOF
}

# ---------------------------------------------------------------- command line
broker= node_id= user= password= prefix= interval= keepalive= every_reading=0 chips=bme280 heap_kb=110
wifi_ssid=SensorNodeLab wifi_password=virtual-esp32 flash= erase_flash=0 deploy=1 build_only=0 boot_dump=1 trace_exceptions=0 self_test=0 heap_stats= web_port=0 dhcp_port=0 dhcp_client_port=
fail_usage() { echo "run.sh: $*" >&2; echo "try: bash host/VirtualEsp32/run.sh --help" >&2; exit 2; }
need_value() { [ $# -ge 2 ] && [ -n "$2" ] || fail_usage "$1 needs a value"; }
whole() { [[ $2 =~ ^[0-9]+$ ]] && [ "$2" -gt 0 ] || fail_usage "$1 takes a positive whole number, not '$2'"; }
port_number() { [[ $2 =~ ^[0-9]+$ ]] && [ "$2" -le 65535 ] || fail_usage "$1 takes a port from 0 to 65535, not '$2'"; }
while [ $# -gt 0 ]; do
  case $1 in
    --broker) need_value "$@"; broker=$2; shift;;
    --node-id) need_value "$@"; node_id=$2; shift;;
    --user) need_value "$@"; user=$2; shift;;
    --password) need_value "$@"; password=$2; shift;;
    --prefix) need_value "$@"; prefix=$2; shift;;
    --interval) need_value "$@"; whole "$1" "$2"; interval=$2; shift;;
    --keepalive) need_value "$@"; whole "$1" "$2"; keepalive=$2; shift;;
    --every-reading) every_reading=1;;
    --chips) need_value "$@"; chips=$2; shift;;
    --heap) need_value "$@"; whole "$1" "$2"; [ "$2" -ge 16 ] || fail_usage "--heap takes at least 16 (KB)"; heap_kb=$2; shift;;
    --wifi-ssid) need_value "$@"; wifi_ssid=$2; shift;;
    --wifi-password) need_value "$@"; wifi_password=$2; shift;;
    --flash) need_value "$@"; flash=$2; shift;;
    --erase-flash) erase_flash=1;;
    --no-deploy) deploy=0;;
    --build-only) build_only=1;;
    --quiet-boot) boot_dump=0;;
    --self-test) self_test=1;;
    --trace-exceptions) trace_exceptions=1;;
    --heap-stats) need_value "$@"; heap_stats=$2; shift;;
    --web) need_value "$@"; port_number "$@"; web_port=$2; shift;;
    --setup) erase_flash=1 deploy=0;;
    --dhcp) need_value "$@"; port_number "$@"; dhcp_port=$2; shift;;
    --dhcp-client) need_value "$@"; port_number "$@"; dhcp_client_port=$2; shift;;
    -h|--help) usage; exit 0;;
    *) fail_usage "unknown option '$1'";;
  esac
  shift
done
broker_host= broker_port=1883
if [ -n "$broker" ]; then
  if [[ $broker =~ ^\[(.+)\]:([0-9]+)$ ]] || [[ $broker =~ ^([^:]+):([0-9]+)$ ]]; then
    broker_host=${BASH_REMATCH[1]} broker_port=${BASH_REMATCH[2]}
  elif [[ $broker =~ ^[^:]+$ ]]; then
    broker_host=$broker
  else
    fail_usage "--broker takes HOST or HOST:PORT, not '$broker'"
  fi
elif [ $build_only = 0 ] && [ $self_test = 0 ] && [ $deploy = 1 ]; then
  fail_usage "--broker HOST[:PORT] is required (or --build-only, --setup, --no-deploy)"
fi
[[ -z $node_id || $node_id =~ ^[A-Za-z0-9_-]+$ ]] || fail_usage "--node-id takes letters, digits, '-' and '_', not '$node_id'"

# ---------------------------------------------------------------- where things are
MIRROR=${MIRROR:-$repo/../.mirror}
NANO_CHECK=${NANO_CHECK:-$repo/../shared/nanoframework/nano-check}
BUILD=${VESP32_BUILD:-$here/build}
JOBS=${JOBS:-2}
[ -d "$MIRROR" ] || { echo "run.sh: no mirror folder $MIRROR (set MIRROR to the folder of repository snapshots)" >&2; exit 2; }
[ -f "$NANO_CHECK/nfbuild.py" ] || { echo "run.sh: nano-check not found at $NANO_CHECK (set NANO_CHECK)" >&2; exit 2; }
MIRROR=$(cd "$MIRROR" && pwd) NANO_CHECK=$(cd "$NANO_CHECK" && pwd)
mkdir -p "$BUILD" && BUILD=$(cd "$BUILD" && pwd)
# the repositories' sources under obj/: they hold test projects of their own, which nano-check (it skips obj/ and bin/)
# would otherwise take for the project's when run in the same checkout
src=$BUILD/obj/src lib=$BUILD/lib app=$BUILD/app pe=$BUILD/pe gen=$BUILD/gen tools=$BUILD/tools logs=$BUILD/logs stamps=$BUILD/stamps
mkdir -p "$src" "$lib" "$app" "$pe" "$gen" "$tools" "$logs" "$stamps"
started=$(date +%s)
say() { printf '%s\n' "$*"; }
step() { say "== $* ($(( $(date +%s) - started )) s)"; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 2; }
hash_of() { sha256sum | cut -c1-16; }
# a step's cache: its key (a hash of its inputs) against the one it last succeeded with
fresh() { [ -f "$stamps/$1" ] && [ "$(cat "$stamps/$1")" = "$2" ]; }
done_with() { printf '%s\n' "$2" >"$stamps/$1"; }
files_hash() { # files... -> hash of their names and contents
  local f; for f in "$@"; do printf '%s\n' "$f"; cat "$f"; done | hash_of
}

# ---------------------------------------------------------------- prerequisites
need=()
for t in cmake ninja g++ git python3 dotnet; do command -v $t >/dev/null 2>&1 || need+=("$t"); done
# nanoCLR is built for 32-bit x86 (cmake/i386-linux.cmake): the multilib compiler and the i386 mbedTLS
[ -f /usr/include/mbedtls/md.h ] && [ -f /usr/lib/i386-linux-gnu/libmbedcrypto.so ] || need+=(mbedtls)
[ -d /usr/lib/gcc/x86_64-linux-gnu/"$(gcc -dumpversion 2>/dev/null)"/32 ] || need+=(multilib)
if [ ${#need[@]} -gt 0 ]; then
  [[ " ${need[*]} " == *" dotnet "* ]] && die "the .NET SDK (dotnet) is missing"
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    pkgs=(); for t in "${need[@]}"; do case $t in ninja) pkgs+=(ninja-build);; mbedtls) pkgs+=(libmbedtls-dev libmbedtls-dev:i386);; multilib) pkgs+=(g++-multilib);; *) pkgs+=("$t");; esac; done
    say "installing: ${pkgs[*]}"
    # i386 packages need the architecture; an index that fails to download (a mirror in sync) does not stop the install
    (export DEBIAN_FRONTEND=noninteractive; dpkg --add-architecture i386; apt-get update -qq; apt-get install -y -qq --no-install-recommends "${pkgs[@]}") >"$logs/apt.log" 2>&1 \
      || { tail -5 "$logs/apt.log"; die "could not install ${pkgs[*]} (log: $logs/apt.log)"; }
  else
    die "missing: ${need[*]} (as root: dpkg --add-architecture i386; apt-get update; apt-get install cmake ninja-build g++ g++-multilib git python3 libmbedtls-dev libmbedtls-dev:i386)"
  fi
fi

gitdir() { # owner/name -> its git dir in the mirror
  local d="$MIRROR/${1/\//+}/repo"
  [ -d "$d/.git" ] && d="$d/.git"
  [ -e "$d/HEAD" ] || { echo "run.sh: repository $1 is not in $MIRROR" >&2; return 1; }
  printf '%s\n' "$d"
}
resolve_ref() { # gitdir wanted-tag -> the commit of the tag when the mirror has it, else of HEAD (as nano-check)
  git --git-dir="$1" rev-parse -q --verify "refs/tags/$2^{commit}" 2>/dev/null || git --git-dir="$1" rev-parse "HEAD^{commit}"
}
extract() { # owner/name wanted-ref dest [paths...]: the snapshot's files at that ref, replacing dest
  local g commit; g=$(gitdir "$1") || return 1
  commit=$(resolve_ref "$g" "$2")
  rm -rf "$3"; mkdir -p "$3"
  git --git-dir="$g" archive "$commit" -- "${@:4}" 2>/dev/null | tar -x -C "$3" 2>/dev/null
  # a snapshot may lack some blobs (archive stops at the first): take what it did not write one by one
  git --git-dir="$g" ls-tree -r -z --name-only "$commit" -- "${@:4}" | while IFS= read -r -d '' f; do
    if [ ! -e "$3/$f" ] && [ ! -L "$3/$f" ]; then
      mkdir -p "$3/$(dirname "$f")"
      git --git-dir="$g" cat-file blob "$commit:$f" >"$3/$f" 2>/dev/null || rm -f "$3/$f"
    fi
  done
}

# ---------------------------------------------------------------- 1. the real libraries, as nano-check builds them
# nano-check's package table (repository, tag and .nfproj of each package) is the heredoc at the top of its run.sh
table=$BUILD/packages.table
sed -n "/^packages_table=\$(cat <<'EOF'\$/,/^EOF\$/p" "$NANO_CHECK/run.sh" | sed '1d;$d' >"$table"
[ -s "$table" ] || die "no package table found in $NANO_CHECK/run.sh"
configs=("$repo/SensorNode/packages.config")
mirror_state=$(for d in "$MIRROR"/*/repo; do g=$d; [ -d "$g/.git" ] && g=$g/.git; printf '%s %s\n' "$d" "$(git --git-dir="$g" rev-parse HEAD 2>/dev/null)"; done)
libs_key=$( { files_hash "${configs[@]}" "$table" "$NANO_CHECK/nfplan.py" "$NANO_CHECK/nfbuild.py"; printf '%s\n' "$mirror_state"; } | hash_of)
corever=$(sed -n 's/.*id="nanoFramework.CoreLibrary" version="\([^"]*\)".*/\1/p' "${configs[0]}" | head -1)
if fresh libs "$libs_key"; then
  step "libraries: cached ($(ls "$lib"/*.dll | wc -l) assemblies in $lib)"
else
  step "libraries: sources at the versions of SensorNode/packages.config (nano-check's nfplan.py)"
  rm -f "$stamps/libs"
  cfgargs=(); for c in "${configs[@]}"; do cfgargs+=(--config "$c"); done
  python3 "$NANO_CHECK/nfplan.py" --mirror "$MIRROR" --table "$table" "${cfgargs[@]}" --plan "$BUILD/plan.txt" 2>&1 | sed 's/^/  /'
  [ -s "$BUILD/plan.txt" ] || die "nano-check's nfplan.py made no plan"
  while IFS=$'\t' read -r kind repo_name want folder paths; do
    [ "$kind" = extract ] || continue
    IFS=';' read -r -a plist <<<"$paths"
    extract "$repo_name" "$want" "$src/$folder" "${plist[@]}" </dev/null || die "could not extract $repo_name"
  done <"$BUILD/plan.txt"
  say "  mscorlib $corever from NuGet (nanoFramework.CoreLibrary)"
  gp=$(dotnet nuget locals global-packages --list 2>/dev/null | sed -n 's/^global-packages: *//p')
  corelib=${gp%/}/nanoframework.corelibrary/$corever/lib
  if [ ! -f "$corelib/mscorlib.dll" ]; then
    rm -rf "$BUILD/restore"
    (cd "$BUILD" && dotnet new classlib -o restore >/dev/null 2>&1 && cd restore && dotnet add package nanoFramework.CoreLibrary --version "$corever" >"$logs/restore.log" 2>&1)
  fi
  [ -f "$corelib/mscorlib.dll" ] || die "nanoFramework.CoreLibrary $corever could not be restored (log: $logs/restore.log)"
  rm -rf "$lib"; mkdir -p "$lib"; cp "$corelib/mscorlib.dll" "$lib/"
  say "  building with nano-check's nfbuild.py (Roslyn, C# 9, against mscorlib $corever):"
  : >"$logs/libs.log"
  failed=0
  while IFS=$'\t' read -r kind pkg ver nfproj; do
    [ "$kind" = build ] || continue
    out=$(python3 "$NANO_CHECK/nfbuild.py" nfproj "$src/$nfproj" --libdir "$lib" --relto "$src" 2>&1 </dev/null)
    printf '%s\n' "$out" >>"$logs/libs.log"
    last=$(printf '%s\n' "$out" | tail -1)
    printf '%s\n' "$last" | grep -q ': OK' || { failed=1; printf '%s\n' "$out" | grep -E ': error ' | head -5 | sed 's/^/    /'; }
    say "    $last"
  done <"$BUILD/plan.txt"
  [ $failed = 0 ] || die "a library did not build (log: $logs/libs.log)"
  done_with libs "$libs_key"
fi
nf_src=$src/nf-interpreter mdp_src=$src/metadata-processor

# ---------------------------------------------------------------- 2. nf-interpreter and the metadata processor's tools
nf_commit=$(resolve_ref "$(gitdir nanoframework/nf-interpreter)" HEAD) || exit 2
if fresh nf-interpreter "$nf_commit" && [ -d "$nf_src/targets/posix" ]; then
  step "nf-interpreter: cached (HEAD ${nf_commit:0:9})"
else
  step "nf-interpreter: extracting HEAD ${nf_commit:0:9}"
  extract nanoframework/nf-interpreter HEAD "$nf_src" || die "could not extract nf-interpreter"
  done_with nf-interpreter "$nf_commit"
fi
mdp_commit=$(resolve_ref "$(gitdir nanoframework/metadata-processor)" HEAD) || exit 2
tools_key=$( { echo "$mdp_commit"; files_hash "$NANO_CHECK"/mdp/* "$NANO_CHECK"/skeleton/*.cs "$NANO_CHECK"/skeleton/*.csproj; } | hash_of)
if fresh tools "$tools_key"; then
  step "metadata processor and stub generator: cached"
else
  step "metadata processor (nano-check's mdp/) and its stub generator (nano-check's skeleton/), metadata-processor ${mdp_commit:0:9}"
  rm -f "$stamps/tools"
  extract nanoframework/metadata-processor HEAD "$mdp_src" MetadataProcessor.Shared || die "could not extract metadata-processor"
  rm -rf "$tools/mdp-build" "$tools/skel-build"; mkdir -p "$tools/mdp-build" "$tools/skel-build"
  # the checkout's host/Directory.Build.props (warnings as errors, latest C#) is not for these: stop MSBuild's search here
  printf '<Project />\n' | tee "$tools/Directory.Build.props" >"$tools/Directory.Build.targets"
  cp "$NANO_CHECK"/mdp/* "$tools/mdp-build/"
  cp "$NANO_CHECK"/skeleton/*.cs "$NANO_CHECK"/skeleton/*.csproj "$tools/skel-build/"
  for t in mdp:mdp.csproj skel:skeleton.csproj; do
    dotnet build "$tools/${t%%:*}-build/${t#*:}" -c Release -nologo -v q -clp:ErrorsOnly -m:1 -p:MDP_SRC="$mdp_src" \
      -o "$tools/${t%%:*}" >"$logs/${t%%:*}.log" 2>&1 || { tail -20 "$logs/${t%%:*}.log"; die "${t%%:*} did not build"; }
  done
  done_with tools "$tools_key"
fi
mdp() { dotnet "$tools/mdp/nfmdp.dll" "$@"; }
pe_tool() { python3 "$here/tools/pe.py" "$nf_src/src/CLR/Core/StringTableData.cpp" "$@"; }

read_natives() { sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$1"; }
declare -A provided=() short_of=()
while read -r name short; do provided[$name]="nanoCLR (nf-interpreter)"; done < <(read_natives "$here/clr/builtin_natives.txt")
while read -r name short; do provided[$name]="natives.txt"; short_of[$name]=$short; done < <(read_natives "$here/natives.txt")

# ---------------------------------------------------------------- 3. the native tables of natives.txt, from the exact assemblies
step "native tables (the metadata processor's stub generator) for natives.txt"
gen_stage=$BUILD/gen-stage
for name in "${!short_of[@]}"; do
  short=${short_of[$name]}
  [ -f "$lib/$name.dll" ] || die "natives.txt lists $name, but no $name.dll was built"
  key=$( { echo "$tools_key"; files_hash "$lib/$name.dll"; echo "$short"; } | hash_of)
  if fresh "gen-$short" "$key" && [ -f "$gen/$short.h" ] && [ -f "$gen/$short.cpp" ]; then
    say "  $name: $short.h, $short.cpp (cached)"; continue
  fi
  rm -rf "$gen_stage/$short"
  line=$(dotnet "$tools/skel/skel.dll" "$lib/$name.dll" "$gen_stage/$short" "$lib" "$short" 2>"$logs/skel-$short.log" | head -1) \
    || die "no native table for $name: $(tail -3 "$logs/skel-$short.log")"
  # only a changed file is copied, so that nanoCLR is not rebuilt for nothing
  for f in "$short.h" "$short.cpp"; do cmp -s "$gen_stage/$short/$f" "$gen/$f" || cp "$gen_stage/$short/$f" "$gen/$f"; done
  say "  $name: $short.h, $short.cpp; $line (the per-class stubs are in $gen_stage/$short)"
  done_with "gen-$short" "$key"
done
# a table left from an assembly natives.txt no longer lists would not be compiled; remove it all the same
for f in "$gen"/*.cpp; do
  [ -e "$f" ] || continue
  b=$(basename "$f" .cpp); found=0
  for name in "${!short_of[@]}"; do [ "${short_of[$name]}" = "$b" ] && found=1; done
  [ $found = 1 ] || rm -f "$gen/$b.cpp" "$gen/$b.h" "$stamps/gen-$b"
done

# ---------------------------------------------------------------- images: the .pe of an application and of every assembly it needs
pe_key=$( { echo "$libs_key $tools_key"; } | hash_of)
fresh pe "$pe_key" || { rm -rf "$pe"; mkdir -p "$pe"; done_with pe "$pe_key"; }
make_image() { # APP.exe -> image_files: the .pe of the application and of its dependency closure (dependencies first)
  local exe=$1 name; name=$(basename "$1" .exe)
  mdp "$exe" "$pe/$name.pe" false "$lib" "$(dirname "$exe")" >"$logs/mdp-$name.log" 2>&1 || die "no $name.pe: $(tail -1 "$logs/mdp-$name.log")"
  # follow the references: every assembly a .pe names gets its .pe (nano-check's metadata processor driver), until
  # nothing new is named
  local missing dll core
  while true; do
    missing=$(pe_tool closure "$pe/$name.pe" "$pe" 2>&1 >/dev/null | sed -n 's/^error: .* needs \([^ ]*\) .*, which has no \.pe$/\1/p' | sort -u)
    [ -z "$missing" ] && break
    for dll in $missing; do
      [ -f "$lib/$dll.dll" ] || die "$name needs the assembly $dll, which was not built ($lib has no $dll.dll)"
      core=false; [ "$dll" = mscorlib ] && core=true
      mdp "$lib/$dll.dll" "$pe/$dll.pe" $core "$lib" >"$logs/mdp-$dll.log" 2>&1 || die "no $dll.pe: $(tail -1 "$logs/mdp-$dll.log")"
    done
  done
  local order
  order=$(pe_tool closure "$pe/$name.pe" "$pe" 2>"$logs/closure-$name.log") || { cat "$logs/closure-$name.log"; die "the image of $name is inconsistent"; }
  image_files=()
  while read -r dll; do image_files+=("$pe/$dll.pe"); done <<<"$order"
  say "  $(printf '%s\n' "$order" | paste -sd' ')"
}
check_natives() { # the native assemblies of image_files against what this nanoCLR provides; exit 3 naming what lacks
  local name version checksum refs lacking=()
  while IFS=$'\t' read -r name version checksum refs; do
    [ "$checksum" = 0x00000000 ] && continue
    if [ -n "${provided[$name]:-}" ]; then
      say "  $name $checksum: ${provided[$name]}"
    else
      say "  $name $checksum: NOT PROVIDED"; lacking+=("$name")
    fi
  done < <(pe_tool info "${image_files[@]}")
  [ ${#lacking[@]} = 0 ] && return 0
  for name in "${lacking[@]}"; do
    echo "run.sh: the image needs native methods of $name, which this virtual ESP32 does not implement (host/VirtualEsp32/natives.txt does not list it)" >&2
  done
  exit 3
}

if [ $self_test = 0 ]; then
# ---------------------------------------------------------------- 4. the application, as nano-check compiles it
# SensorNode.nfproj references the portable core's class library (SensorNode.Core/SensorNode.Core.nfproj): built
# first, into the library folder, where the application's compile and the image's closure find it, as nano-check does
app_sources=$(cd "$repo" && find SensorNode SensorNode.Core -type f \( -name '*.cs' -o -name '*.nfproj' -o -name packages.config -o -name '*.projitems' \) -not -path '*/obj/*' -not -path '*/bin/*' | LC_ALL=C sort)
app_key=$( { echo "$libs_key"; cd "$repo" && files_hash $app_sources "$NANO_CHECK/nfbuild.py"; } | hash_of)
if fresh app "$app_key" && [ -f "$app/SensorNode.exe" ] && [ -f "$lib/SensorNode.Core.dll" ]; then
  step "SensorNode.Core.dll, SensorNode.exe: cached"
else
  step "SensorNode.Core.dll (SensorNode.Core/SensorNode.Core.nfproj), nano-check's nfbuild.py, DEBUG and TRACE defined as nano-check does"
  rm -f "$stamps/app" "$lib/SensorNode.Core.dll" "$pe/SensorNode.Core.pe"; rm -rf "$app"; mkdir -p "$app"
  out=$(python3 "$NANO_CHECK/nfbuild.py" nfproj "$repo/SensorNode.Core/SensorNode.Core.nfproj" --libdir "$lib" --out "$lib" \
    --define DEBUG --define TRACE --relto "$repo" 2>&1)
  printf '%s\n' "$out" >"$logs/core.log"
  [ -f "$lib/SensorNode.Core.dll" ] || { printf '%s\n' "$out" | grep -E ': error ' | head -20; die "SensorNode.Core did not compile (log: $logs/core.log)"; }
  printf '%s\n' "$out" | tail -1 | sed 's/^/  /'
  step "SensorNode.exe (SensorNode/SensorNode.nfproj, nano-check's nfbuild.py, DEBUG and TRACE defined as nano-check does)"
  out=$(python3 "$NANO_CHECK/nfbuild.py" nfproj "$repo/SensorNode/SensorNode.nfproj" --libdir "$lib" --out "$app" \
    --define DEBUG --define TRACE --relto "$repo" 2>&1)
  printf '%s\n' "$out" >"$logs/app.log"
  [ -f "$app/SensorNode.exe" ] || { printf '%s\n' "$out" | grep -E ': error ' | head -20; die "SensorNode did not compile (log: $logs/app.log)"; }
  printf '%s\n' "$out" | tail -1 | sed 's/^/  /'
  done_with app "$app_key"
fi

# ---------------------------------------------------------------- 5. the image, and the natives it needs
step "image: SensorNode.exe and its dependency closure as .pe files"
make_image "$app/SensorNode.exe"
step "native assemblies the image needs (a native checksum in its .pe)"
check_natives
app_image=("${image_files[@]}")
fi

# ---------------------------------------------------------------- 6. the POSIX nanoCLR with our natives
step "nanoCLR: targets/posix with host/VirtualEsp32's natives, 32-bit as the ESP32 (cmake + ninja -j$JOBS)"
clr=$BUILD/clr-i386
if ! cmake -S "$here" -B "$clr" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_TOOLCHAIN_FILE="$here/cmake/i386-linux.cmake" \
     -DNF_SRC="$nf_src" -DVESP32_GEN="$gen" >"$logs/clr-cmake.log" 2>&1; then
  tail -20 "$logs/clr-cmake.log"; die "nanoCLR's build did not configure (log: $logs/clr-cmake.log)"
fi
if ! cmake --build "$clr" -j "$JOBS" >"$logs/clr-build.log" 2>&1; then
  grep -E ': (fatal )?error|undefined reference|multiple definition' "$logs/clr-build.log" | head -30; die "nanoCLR did not build (log: $logs/clr-build.log)"
fi
device=$clr/bin/vesp32-nanoclr
say "  $(grep -c 'Building' "$logs/clr-build.log") files compiled; $device"

# ---------------------------------------------------------------- self-test: our natives in this nanoCLR, then stop
if [ $self_test = 1 ]; then
  step "self-test (host/VirtualEsp32/selftest): the natives of I:, cryptography, pin functions and the reboot"
  st=$BUILD/selftest; rm -rf "$st"; mkdir -p "$st"
  python3 "$NANO_CHECK/nfbuild.py" files --name VirtualEsp32.SelfTest --target exe --libdir "$lib" --out "$st" \
    --ref mscorlib.dll --ref System.IO.FileSystem.dll --ref System.IO.Streams.dll --ref nanoFramework.Runtime.Native.dll \
    --ref nanoFramework.Hardware.Esp32.dll --ref nanoFramework.System.Security.Cryptography.dll \
    --src "$here/selftest/SelfTest.cs" >"$logs/selftest-build.log" 2>&1 \
    || { grep -E ': error ' "$logs/selftest-build.log" | head; die "the self-test did not compile"; }
  make_image "$st/VirtualEsp32.SelfTest.exe"
  check_natives
  mkdir -p "$st/flash"
  VESP32_FLASH=$st/flash VESP32_HEAP_KB=$heap_kb VESP32_BOOT_DUMP=0 VESP32_PARENT_PID=$$ \
    "$device" "${image_files[@]}" </dev/null >"$st/console.log" 2>&1
  rc=$?
  grep -a '^selftest\|^virtual ESP32' "$st/console.log" | sed 's/^/  /'
  if [ $rc = 75 ] && grep -aq '^selftest: [0-9]* passed, 0 failed' "$st/console.log"; then
    say "self-test passed (the device rebooted as asked: exit 75)"; exit 0
  fi
  say "self-test FAILED (device exit $rc; console: $st/console.log)"; exit 1
fi

# ---------------------------------------------------------------- 7. the virtual board
board_dir=$repo/host/SensorNode.VirtualBoard
board_dll=$board_dir/bin/Release/net10.0/SensorNode.VirtualBoard.dll
board_key=$(cd "$repo" && files_hash $(find host/SensorNode.VirtualBoard host/SensorNode.HostBoard host/SensorNode.CommandLine SensorNode/Board/Profiles \
  -type f \( -name '*.cs' -o -name '*.csproj' \) -not -path '*/obj/*' -not -path '*/bin/*' | LC_ALL=C sort) host/Directory.Build.props)
if fresh board "$board_key" && [ -f "$board_dll" ]; then
  step "virtual board (host/SensorNode.VirtualBoard): cached"
else
  step "virtual board (host/SensorNode.VirtualBoard): dotnet build"
  rm -f "$stamps/board"
  dotnet build "$board_dir/SensorNode.VirtualBoard.csproj" -c Release -nologo -v q -clp:ErrorsOnly >"$logs/board.log" 2>&1 \
    || { tail -20 "$logs/board.log"; die "the virtual board did not build (log: $logs/board.log)"; }
  done_with board "$board_key"
fi
step "built in $(( $(date +%s) - started )) s"
[ $build_only = 1 ] && exit 0

# ---------------------------------------------------------------- 8. flash, board, device
# I:\ is a folder kept across reboots and runs, one per node
flash=${flash:-$BUILD/flash/${node_id:-default}}
# the device's network configuration blocks (stored Wi-Fi credentials) live beside it, in $flash.netconfig
[ $erase_flash = 1 ] && rm -rf "$flash" "${flash%/}.netconfig"
mkdir -p "$flash" && flash=$(cd "$flash" && pwd)
json_text() { local s=$1; s=${s//\\/\\\\}; s=${s//\"/\\\"}; printf '"%s"' "$s"; }
if [ $deploy = 1 ]; then
  # the connection settings, merged by the firmware onto its board profile's first-boot settings; written as one
  # file deployment (nanoff --filedeployment) writes it, before the device starts
  fields=("\"wifi_ssid\":$(json_text "$wifi_ssid")" "\"wifi_password\":$(json_text "$wifi_password")"
          "\"broker_host\":$(json_text "$broker_host")" "\"broker_port\":$broker_port")
  [ -n "$node_id" ] && fields+=("\"node_id\":$(json_text "$node_id")")
  [ -n "$user" ] && fields+=("\"broker_user\":$(json_text "$user")")
  [ -n "$password" ] && fields+=("\"broker_password\":$(json_text "$password")")
  [ -n "$prefix" ] && fields+=("\"topic_prefix\":$(json_text "$prefix")")
  [ -n "$interval" ] && fields+=("\"interval_s\":$interval")
  [ -n "$keepalive" ] && fields+=("\"keepalive_s\":$keepalive")
  [ $every_reading = 1 ] && fields+=("\"snapshot\":\"cycle\"" "\"deadband_temperature\":0" "\"deadband_humidity\":0" "\"deadband_pressure\":0" "\"deadband_co2\":0" "\"deadband_gas_resistance\":0")
  (IFS=,; printf '{%s}' "${fields[*]}") >"$flash/sensornode-config.json"
  rm -f "$flash/sensornode-config.json.new"
fi
say "flash (I:\\): $flash$( [ $deploy = 1 ] && echo ", settings deployed to sensornode-config.json")"

# the device's MAC: from the node id, so that every node has its own (locally administered, unicast)
mac_source=${node_id:-default}
mac=$(printf '%s' "$mac_source" | sha256sum | sed 's/^\(..\)\(..\)\(..\)\(..\)\(..\).*/02:\1:\2:\3:\4:\5/')

board_pid= device_pid= run_dir=$(mktemp -d -t vesp32.XXXXXX)
stop() {
  trap - INT TERM HUP EXIT
  [ -n "$device_pid" ] && kill "$device_pid" 2>/dev/null
  [ -n "$board_pid" ] && kill "$board_pid" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$run_dir"
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM HUP
trap 'stop' EXIT

# the board answers on a port of its choosing and writes it to a file; it ends with this script, even on kill -9;
# it reads the console (fail/heal commands) from this script's input
dotnet "$board_dll" --chips "$chips" --address-file "$run_dir/board.address" --exit-with $$ <&0 &
board_pid=$!
for _ in $(seq 1 200); do [ -s "$run_dir/board.address" ] && break; kill -0 $board_pid 2>/dev/null || break; sleep 0.05; done
[ -s "$run_dir/board.address" ] || die "the virtual board did not start"
board_address=$(cat "$run_dir/board.address")

say "virtual ESP32: node ${node_id:-(id from its MAC)} (MAC $mac), $( [ $deploy = 1 ] && echo "broker $broker_host:$broker_port" || echo "settings from its flash"), Wi-Fi '$wifi_ssid', heap ${heap_kb} KB, board $board_address"
say ""
boots=0
while true; do
  boots=$((boots + 1))
  VESP32_BOARD=$board_address VESP32_FLASH=$flash VESP32_HEAP_KB=$heap_kb VESP32_MAC=$mac \
  VESP32_WIFI_SSID=$wifi_ssid VESP32_WIFI_PASSWORD=$wifi_password VESP32_PARENT_PID=$$ \
  VESP32_BOOT_DUMP=$boot_dump VESP32_TRACE_EXCEPTIONS=$trace_exceptions VESP32_HEAP_STATS=$heap_stats VESP32_HTTP_PORT=$web_port \
  VESP32_DHCP_PORT=$dhcp_port VESP32_DHCP_CLIENT_PORT=$dhcp_client_port \
    "$device" "${app_image[@]}" </dev/null &
  device_pid=$!
  wait $device_pid; rc=$?
  # a signal to this script interrupts wait: the trap runs and the device goes with it
  device_pid=
  [ $rc = 75 ] || break
  say ""
  say "virtual ESP32: rebooted by the firmware; starting again (boot $((boots + 1))), flash kept"
  # an ESP32 takes about a second from reset to a running nanoCLR; a firmware in a reboot loop loops no faster here
  sleep 1 & wait $!
done
say "virtual ESP32: the device stopped (exit $rc)"
exit $rc
