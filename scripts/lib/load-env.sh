#!/usr/bin/env bash
# load_env_file FILE — exports every KEY=value of a dotenv file bash can source, except the keys the
# caller's environment already sets: the environment wins over the file (`PORT=3100 npm run demo`
# listens on 3100 whatever .env says), the same rule @nestjs/config and dotenv follow.
load_env_file() {
  local file=$1 key
  local -A preset=()
  while IFS= read -r key; do
    if [[ -n ${!key+x} ]]; then preset[$key]=${!key}; fi
  done < <(sed -nE 's/^[[:space:]]*(export[[:space:]]+)?([A-Za-z_][A-Za-z0-9_]*)=.*/\2/p' "$file")
  set -a
  # shellcheck disable=SC1090
  source "$file"
  set +a
  for key in "${!preset[@]}"; do export "$key=${preset[$key]}"; done
}
