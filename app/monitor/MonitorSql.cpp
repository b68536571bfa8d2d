// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/monitor/MonitorSql.h"

#include <QCoreApplication>

namespace app::monitorsql {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::MonitorStore)
};

// SQLite's primary result codes (sqlite3.h).
enum : int {
    SqlitePerm = 3,
    SqliteReadOnly = 8,
    SqliteCorrupt = 11,
    SqliteFull = 13,
    SqliteCantOpen = 14,
    SqliteAuth = 23,
    SqliteNotADatabase = 26,
};
} // namespace

int sqliteCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1;
}

sshcore::ErrorKind kindOf(const QSqlError &error)
{
    switch (sqliteCode(error)) {
    case SqliteFull: return sshcore::ErrorKind::NoSpace;
    case SqlitePerm:
    case SqliteReadOnly:
    case SqliteCantOpen:
    case SqliteAuth: return sshcore::ErrorKind::PermissionDenied;
    case SqliteCorrupt:
    case SqliteNotADatabase: return sshcore::ErrorKind::Malformed;
    default: return sshcore::ErrorKind::Other;
    }
}

// Not sshcore::Error as the return type: lupdate would take sshcore for the context of the tr() below.
using sshcore::Error;

Error errorOf(const QSqlError &error, const QString &what)
{
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    return {kindOf(error), Tr::tr("%1: %2.").arg(what, detail)};
}

sshcore::Result<void> exec(QSqlQuery &query, std::initializer_list<QVariant> values, const QString &what)
{
    int i = 0;
    for (const QVariant &value : values)
        query.bindValue(i++, value);
    if (!query.exec())
        return sshcore::failure(errorOf(query.lastError(), what));
    return {};
}

sshcore::Result<QSqlQuery> run(const QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> values,
                               const QString &what)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return sshcore::failure(errorOf(query.lastError(), what));
    if (auto done = exec(query, values, what); !done)
        return sshcore::failure(done.error());
    return query;
}

} // namespace app::monitorsql
