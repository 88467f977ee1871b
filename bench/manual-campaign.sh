# Sourced by bench scripts (progress.sh, customer-list.sh): makes a business through the operator API
# and a MANUAL campaign of it that starts tomorrow, so nothing dials. Needs $api, $OUTDIAL_OPERATOR_PASSWORD
# and psql_db; takes the business's name prefix; sets json(), admin, as_admin, campaign and business.
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
new_manual_campaign() {
  local tag hotline hours start end
  tag="$1$(date +%s)"
  admin="admin@$tag.example"
  curl -sf -u "operator:$OUTDIAL_OPERATOR_PASSWORD" -H 'Content-Type: application/json' "$api/businesses" -d "{
    \"name\": \"$1 $tag\", \"timeZone\": \"Asia/Ho_Chi_Minh\", \"defaultCountry\": \"VN\", \"concurrentCallLimit\": 30,
    \"admin\": {\"email\": \"$admin\", \"password\": \"bench-admin-password\", \"name\": \"Bench\"}}" > /dev/null
  as_admin=(-sf -u "$admin:bench-admin-password" -H 'Content-Type: application/json')
  hotline=$(curl "${as_admin[@]}" "$api/hotlines" -d '{"number": "+84 28 7300 9000", "name": "Bench", "group": "Bench"}' | json "['id']")
  hours=$(curl "${as_admin[@]}" "$api/working-hours" -d '{"name": "Always", "holidays": [], "week": {"MONDAY": [["00:00","24:00"]]}}' | json "['id']")
  start=$(date -u -d '+1 day' +%Y-%m-%dT%H:%M:%SZ); end=$(date -u -d '+30 days' +%Y-%m-%dT%H:%M:%SZ)
  campaign=$(curl "${as_admin[@]}" "$api/campaigns" -d "{\"name\": \"Ten million\", \"dialMode\": \"MANUAL\",
    \"startTime\": \"$start\", \"endTime\": \"$end\", \"hotlineIds\": [$hotline], \"workingHoursId\": $hours,
    \"agentIds\": [], \"agentGroupIds\": []}" | json "['id']")
  business=$(psql_db -c "select business_id from campaign where id = $campaign")
}
