# Sourced by the khal checks (check_khal.sh, check_subscription.sh, check_dates.sh).
# khal_config FILE DEFAULT NAME=PATH...: writes a throw-away khal configuration with these calendars, Europe/London as
# its zone and ISO dates, so every check reads khal's output the same way.
khal_config() {
  local file=$1 default=$2 calendar
  shift 2
  {
    echo "[calendars]"
    for calendar in "$@"; do
      printf '[[%s]]\npath = %s\ntype = calendar\n' "${calendar%%=*}" "${calendar#*=}"
    done
    cat <<'CONF'

[locale]
local_timezone = Europe/London
default_timezone = Europe/London
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
firstweekday = 0

CONF
    printf '[default]\ndefault_calendar = %s\n' "$default"
  } >"$file"
}
