#!/bin/sh
# Run once by the MySQL image when its data volume is first created (docker-entrypoint-initdb.d):
# one database and one user per subgraph, each user with rights on its own database only, so a
# compromised subgraph reaches no other subgraph's data. Passwords come from the environment.
set -eu

for name in partnerships agencies schools reviews escalations notifications; do
  variable="$(echo "$name" | tr 'a-z' 'A-Z')_DB_PASSWORD"
  eval "password=\${$variable:-}"
  if [ -z "$password" ]; then
    echo "01-subgraph-users.sh: $variable is not set" >&2
    exit 1
  fi
  # Doubled single quotes: the password is an SQL string literal.
  quoted=$(printf '%s' "$password" | sed "s/'/''/g")
  mysql --protocol=socket -uroot -p"$MYSQL_ROOT_PASSWORD" <<SQL
CREATE DATABASE IF NOT EXISTS \`safeguarding_$name\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$name'@'%' IDENTIFIED BY '$quoted';
GRANT ALL PRIVILEGES ON \`safeguarding_$name\`.* TO '$name'@'%';
SQL
done
