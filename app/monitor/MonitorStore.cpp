// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/monitor/MonitorStore.h"

#include "app/monitor/MonitorSql.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QThread>
#include <QUuid>

#include <atomic>

using namespace Qt::StringLiterals;
using sshcore::failure;
using sshcore::Result;

namespace app {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::MonitorStore)
};

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

// Every table and its columns, in order: what createSchema() makes and what an existing file of
// this version must have. Times are ms since the epoch (UTC); n is how many samples a row stands for.
struct Table
{
    QLatin1StringView name;
    QLatin1StringView columns;
    QLatin1StringView tail;
};

const Table tables[] = {
    {"meta"_L1, "key TEXT NOT NULL PRIMARY KEY, value INTEGER"_L1, " WITHOUT ROWID"_L1},
    {"job"_L1,
     "id INTEGER PRIMARY KEY, job_id TEXT NOT NULL UNIQUE, name TEXT, part TEXT, state TEXT, cpus INTEGER, "
     "memory_limit INTEGER, gpus INTEGER, time_limit INTEGER, start_ms INTEGER, end_ms INTEGER, "
     "first_ms INTEGER, last_ms INTEGER, seen_ms INTEGER, last_cpu REAL, last_cpu_ms INTEGER"_L1,
     ""_L1},
    {"job_sample"_L1,
     "job INTEGER NOT NULL, t INTEGER NOT NULL, n INTEGER NOT NULL DEFAULT 1, cpu REAL, busy REAL, rss INTEGER, "
     "PRIMARY KEY (job, t)"_L1,
     " WITHOUT ROWID"_L1},
    {"gpu"_L1,
     "id INTEGER PRIMARY KEY, job INTEGER NOT NULL, idx INTEGER NOT NULL, uuid TEXT NOT NULL, name TEXT, "
     "UNIQUE (job, idx, uuid)"_L1,
     ""_L1},
    {"gpu_sample"_L1,
     "gpu INTEGER NOT NULL, t INTEGER NOT NULL, n INTEGER NOT NULL DEFAULT 1, util REAL, util_max REAL, "
     "mem_used INTEGER, mem_total INTEGER, power REAL, temperature REAL, PRIMARY KEY (gpu, t)"_L1,
     " WITHOUT ROWID"_L1},
    {"part"_L1, "id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, first_ms INTEGER, last_ms INTEGER"_L1, ""_L1},
    {"part_sample"_L1,
     "part INTEGER NOT NULL, t INTEGER NOT NULL, nodes INTEGER, cpus_allocated INTEGER, cpus_idle INTEGER, "
     "cpus_unavailable INTEGER, has_memory INTEGER, memory_allocated INTEGER, memory_idle INTEGER, "
     "memory_unavailable INTEGER, has_gpus INTEGER, gpus_allocated INTEGER, gpus_idle INTEGER, "
     "gpus_unavailable INTEGER, PRIMARY KEY (part, t)"_L1,
     " WITHOUT ROWID"_L1},
    {"queue_sample"_L1,
     "part INTEGER NOT NULL, t INTEGER NOT NULL, n INTEGER NOT NULL DEFAULT 1, pending INTEGER, running INTEGER, "
     "PRIMARY KEY (part, t)"_L1,
     " WITHOUT ROWID"_L1},
};

// The column names of a table's definition above ("id INTEGER PRIMARY KEY, ..." → id, ...); the
// table's own constraints (PRIMARY KEY (...), UNIQUE (...)) come last and name none.
QStringList columnNames(const Table &table)
{
    QStringList names;
    for (const QString &part : QString(table.columns).split(u',')) {
        const QString name = part.trimmed().section(u' ', 0, 0);
        if (name == "PRIMARY"_L1 || name == "UNIQUE"_L1)
            break;
        names.append(name);
    }
    return names;
}

std::atomic<quint64> connectionCount{0};

} // namespace

MonitorStore::MonitorStore()
    : m_connectionName(u"clusterdesk-monitor-%1"_s.arg(connectionCount.fetch_add(1)))
{}

MonitorStore::~MonitorStore()
{
    close();
}

QString MonitorStore::defaultFilePath(const QString &clusterId)
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/monitor/"_s + safeFileStem(clusterId)
           + u".sqlite"_s;
}

QString MonitorStore::safeFileStem(const QString &clusterId)
{
    const QUuid uuid(clusterId);
    if (!uuid.isNull())
        return uuid.toString(QUuid::WithoutBraces);
    QString plain;
    for (const QChar c : clusterId) {
        if (c.isLetterOrNumber() && c.unicode() < 128)
            plain.append(c);
        else if (!plain.isEmpty() && !plain.endsWith(u'-'))
            plain.append(u'-');
        if (plain.size() >= 40)
            break;
    }
    const QByteArray hash = QCryptographicHash::hash(clusterId.toUtf8(), QCryptographicHash::Sha256).toHex().left(12);
    return plain + (plain.isEmpty() || plain.endsWith(u'-') ? u""_s : u"-"_s) + QString::fromLatin1(hash);
}

QSqlDatabase MonitorStore::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool MonitorStore::isOpen() const
{
    // Asking Qt SQL for the connection from another thread warns: that thread cannot use it anyway.
    return QSqlDatabase::contains(m_connectionName) && QThread::currentThread() == m_thread && database().isOpen();
}

Result<void> MonitorStore::usable() const
{
    if (isOpen())
        return {};
    if (QSqlDatabase::contains(m_connectionName))
        return failure(Tr::tr("The monitor history %1 was opened on another thread; only that thread may use it.")
                           .arg(native(m_filePath)));
    return failure(Tr::tr("The monitor history is not open."));
}

void MonitorStore::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    if (QThread::currentThread() == m_thread) {
        // This copy, like every query of the store, is gone before the connection is removed.
        QSqlDatabase db = database();
        if (db.isOpen())
            db.close();
    }
    // From another thread (a store destroyed where it was not opened), removing it closes it too.
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<void> MonitorStore::connect()
{
    close();
    {
        m_thread = QThread::currentThread();
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
        if (!db.isValid())
            return failure(Tr::tr("The monitor history cannot be kept: Qt's SQLite driver (QSQLITE) is missing."));
        db.setDatabaseName(m_filePath);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        if (db.open())
            return {};
    }
    const QSqlError error = database().lastError();
    close();
    return failure(monitorsql::errorOf(error, Tr::tr("Cannot open the monitor history %1").arg(native(m_filePath))));
}

Result<QString> MonitorStore::open(const QString &filePath, const QString &clusterName)
{
    close();
    m_filePath = filePath;
    m_lastMaintainedMs.reset();
    const QString folder = QFileInfo(filePath).absolutePath();
    if (!QDir().mkpath(folder))
        return failure(sshcore::ErrorKind::PermissionDenied,
                       Tr::tr("Cannot make the folder %1 for the monitor history.").arg(native(folder)));
    if (auto connected = connect(); !connected)
        return failure(connected.error());

    QString why;
    auto state = health(&why);
    if (!state) {
        close();
        return failure(state.error());
    }
    QString notice;
    if (*state == Health::Damaged || *state == Health::Foreign || *state == Health::Newer) {
        auto aside = setAside(*state, why, clusterName);
        if (!aside)
            return failure(aside.error());
        notice = *aside;
    }
    const QString what = Tr::tr("Cannot prepare the monitor history %1").arg(native(m_filePath));
    // In WAL mode a commit is safe from a crash of the app; NORMAL may lose the last refreshes on a
    // power cut, which samples can afford. The WAL is cut back to 4 MiB after a big maintenance.
    for (const QString &sql :
         {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=NORMAL"_s, u"PRAGMA journal_size_limit=4194304"_s}) {
        if (auto done = runStatement(sql, what); !done) {
            close();
            return failure(done.error());
        }
    }
    if (*state != Health::Good) {
        if (auto made = createSchema(); !made) {
            close();
            return failure(made.error());
        }
    }
    auto maintained = metaValue(u"maintained_ms"_s);
    if (!maintained) {
        close();
        return failure(maintained.error());
    }
    m_lastMaintainedMs = *maintained;
    return notice;
}

Result<MonitorStore::Health> MonitorStore::health(QString *why)
{
    QSqlQuery query(database());
    if (!query.exec(u"PRAGMA quick_check"_s)) {
        const sshcore::ErrorKind kind = monitorsql::kindOf(query.lastError());
        if (kind != sshcore::ErrorKind::Malformed)
            return failure(monitorsql::errorOf(query.lastError(),
                                               Tr::tr("Cannot read the monitor history %1").arg(native(m_filePath))));
        *why = query.lastError().databaseText();
        return Health::Damaged;
    }
    if (!query.next() || query.value(0).toString() != "ok"_L1) {
        *why = query.isValid() ? query.value(0).toString() : Tr::tr("no answer to a check");
        return Health::Damaged;
    }
    if (!query.exec(u"PRAGMA user_version"_s) || !query.next())
        return Health::Damaged;
    const int version = query.value(0).toInt();
    if (!query.exec(u"SELECT count(*) FROM sqlite_master WHERE type = 'table'"_s) || !query.next())
        return Health::Damaged;
    const int tableCount = query.value(0).toInt();
    if (version == 0 && tableCount == 0)
        return Health::Empty;
    if (version > schemaVersion)
        return Health::Newer;
    if (version != schemaVersion) {
        *why = Tr::tr("schema version %1").arg(version);
        return Health::Foreign;
    }
    for (const Table &table : tables) {
        if (!query.exec(u"PRAGMA table_info(%1)"_s.arg(table.name)))
            return Health::Damaged;
        QStringList found;
        while (query.next())
            found.append(query.value(1).toString());
        if (found != columnNames(table)) {
            *why = Tr::tr("table %1 is not as expected").arg(table.name);
            return Health::Foreign;
        }
    }
    return Health::Good;
}

Result<QString> MonitorStore::setAside(Health health, const QString &why, const QString &clusterName)
{
    close();
    const QString stem = m_filePath + u".damaged-"_s + QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss"_s);
    QString aside = stem;
    for (int n = 2; QFileInfo::exists(aside); ++n) // never over an earlier damaged copy
        aside = stem + u'-' + QString::number(n);
    const QString name = clusterName.isEmpty() ? native(m_filePath) : clusterName;
    QFile file(m_filePath);
    if (!file.rename(aside))
        return failure(sshcore::ErrorKind::PermissionDenied,
                       Tr::tr(
                           "The monitor history of %1 is damaged (%2) and could not be set aside (%3); no history is "
                           "kept until %4 is moved or removed.")
                           .arg(name, why, file.errorString(), native(m_filePath)));
    // The journal files belong to the damaged copy: they go with it, so a fresh file never replays them.
    for (const QString &suffix : {u"-wal"_s, u"-shm"_s}) {
        if (QFileInfo::exists(m_filePath + suffix) && !QFile::rename(m_filePath + suffix, aside + suffix))
            QFile::remove(m_filePath + suffix);
    }
    if (auto connected = connect(); !connected)
        return failure(connected.error());
    if (health == Health::Newer)
        return Tr::tr("The monitor history of %1 was written by a newer clusterdesk and has been set aside as %2; a "
                      "new one was started.")
            .arg(name, native(aside));
    if (health == Health::Foreign)
        return Tr::tr("The monitor history of %1 was not one this clusterdesk can read (%2) and has been set aside as "
                      "%3; a new one was started.")
            .arg(name, why, native(aside));
    return Tr::tr("The monitor history of %1 was damaged and has been set aside as %2; a new one was started.")
        .arg(name, native(aside));
}

Result<void> MonitorStore::createSchema()
{
    return transaction([this]() -> Result<void> {
        const QString what = Tr::tr("Cannot start the monitor history %1").arg(native(m_filePath));
        for (const Table &table : tables) {
            auto made = runStatement(u"CREATE TABLE %1 (%2)%3"_s.arg(table.name, table.columns, table.tail), what);
            if (!made)
                return made;
        }
        // Samples are keyed (job, t), (gpu, t) and (part, t): those keys are the indexes by time.
        for (const QString &sql : {u"CREATE INDEX job_last ON job (last_ms)"_s, u"CREATE INDEX gpu_job ON gpu (job)"_s,
                                   u"PRAGMA user_version = %1"_s.arg(schemaVersion)}) {
            if (auto done = runStatement(sql, what); !done)
                return done;
        }
        return {};
    });
}

Result<void> MonitorStore::transaction(const std::function<Result<void>()> &work)
{
    if (auto ready = usable(); !ready)
        return ready;
    QSqlDatabase db = database();
    const QString what = Tr::tr("Cannot write to the monitor history %1").arg(native(m_filePath));
    if (!db.transaction())
        return failure(monitorsql::errorOf(db.lastError(), what));
    auto done = work();
    if (done && db.commit())
        return {};
    const sshcore::Error error = done ? monitorsql::errorOf(db.lastError(), what) : done.error();
    db.rollback();
    return failure(error);
}

Result<void> MonitorStore::runStatement(const QString &sql, const QString &what)
{
    // The query is gone when this returns, so a close() after it never finds the connection in use.
    auto query = monitorsql::run(database(), sql, {}, what);
    if (!query)
        return failure(query.error());
    return {};
}

Result<std::optional<qint64>> MonitorStore::metaValue(const QString &key)
{
    auto query = monitorsql::run(database(), u"SELECT value FROM meta WHERE key = ?"_s, {key},
                                 Tr::tr("Cannot read the monitor history %1").arg(native(m_filePath)));
    if (!query)
        return failure(query.error());
    if (!query->next())
        return std::optional<qint64>();
    return monitorsql::optionalOf<qint64>(query->value(0));
}

Result<void> MonitorStore::setMetaValue(const QString &key, qint64 value)
{
    auto query = monitorsql::run(database(), u"INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"_s, {key, value},
                                 Tr::tr("Cannot write to the monitor history %1").arg(native(m_filePath)));
    if (!query)
        return failure(query.error());
    return {};
}

} // namespace app
