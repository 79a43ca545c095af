#!/usr/bin/env bash
# What the integration tests need besides the .NET SDK: mosquitto and its clients (the tests start their own brokers
# and run mosquitto_sub / mosquitto_pub), openssl (the TLS tests make a private CA) and chromium (the web page tests
# drive Debian's headless browser, /usr/bin/chromium; nothing downloads a browser of its own). Sourced by host/test.sh.
# Installs what is missing where it may (root with apt-get, as on CI and a fresh Debian/Ubuntu machine); otherwise it
# leaves MISSING_PREREQUISITES and INSTALL_PREREQUISITES set, and test.sh's last lines say what was skipped and why.

MISSING_PREREQUISITES=""
INSTALL_PREREQUISITES=""

missing_prerequisites() {
  local packages=""
  { command -v mosquitto >/dev/null 2>&1 || [ -x /usr/sbin/mosquitto ]; } || packages="$packages mosquitto"
  command -v mosquitto_sub >/dev/null 2>&1 || packages="$packages mosquitto-clients"
  [ -x /usr/bin/openssl ] || packages="$packages openssl"
  [ -x /usr/bin/chromium ] || packages="$packages chromium"
  echo "${packages# }"
}

packages=$(missing_prerequisites)
if [ -n "$packages" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing $packages (the integration tests need them)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends $packages >/dev/null
    packages=$(missing_prerequisites)
  fi
  if [ -n "$packages" ]; then
    MISSING_PREREQUISITES="$packages"
    INSTALL_PREREQUISITES="sudo apt-get install -y $packages"
    echo "== not installed: $packages; the integration tests that need them will be skipped (install: $INSTALL_PREREQUISITES)"
  fi
fi
# A package may start a system broker on 1883; the tests use their own free ports, so it is left alone.
