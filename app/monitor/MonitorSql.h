// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QTimeZone>
#include <QVariant>

#include <initializer_list>
#include <optional>

// The few steps MonitorStore's files share over Qt SQL: running a statement with its values, turning
// SQLite's failures into errors a program can act on, and NULL for a figure not known.

namespace app::monitorsql {

// SQLite's primary result code (Qt reports the extended one as text).
int sqliteCode(const QSqlError &error);
// SQLITE_FULL is NoSpace; READONLY, PERM, CANTOPEN and AUTH are PermissionDenied; CORRUPT and
// NOTADB are Malformed.
sshcore::ErrorKind kindOf(const QSqlError &error);
// "<what>: <SQLite's words>." with the kind above.
sshcore::Error errorOf(const QSqlError &error, const QString &what);

// Prepares and runs sql with values bound in order; the query, ready to read, or why it failed.
sshcore::Result<QSqlQuery> run(const QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> values,
                               const QString &what);
// Runs an already prepared query with values bound in order.
sshcore::Result<void> exec(QSqlQuery &query, std::initializer_list<QVariant> values, const QString &what);

template<typename T>
QVariant orNull(const std::optional<T> &value)
{
    return value ? QVariant::fromValue(*value) : QVariant();
}

inline QVariant orNull(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

inline QVariant msOrNull(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant();
}

template<typename T>
std::optional<T> optionalOf(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.value<T>();
}

inline QDateTime timeOf(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), QTimeZone::UTC);
}

} // namespace app::monitorsql
