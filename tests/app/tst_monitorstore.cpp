// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Monitor's sample store on a real SQLite file: what is written comes back after a reopen; a
// damaged, truncated, foreign or newer file is set aside with a message and a fresh one works; a
// folder that cannot be written and a full database are error values; down-sampling keeps peaks,
// averages and cumulative CPU honest and old rows go; maintenance runs at most hourly; two stores
// on two threads at once; and no Qt SQL warning anywhere (connections removed cleanly).

#include "TestSupport.h"
#include "app/monitor/MonitorStore.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <unistd.h>

using namespace Qt::StringLiterals;
using app::MonitorStore;

namespace {

constexpr qint64 mib = 1024LL * 1024;
constexpr qint64 gib = 1024 * mib;
const QDateTime t0 = testsupport::utc(2026, 12, 1, 12, 0);

app::JobFacts facts(const QString &id)
{
    app::JobFacts facts;
    facts.jobId = id;
    facts.name = u"train"_s;
    facts.partition = u"gpu"_s;
    facts.stateText = u"RUNNING"_s;
    facts.allocatedCpus = 6;
    facts.memoryLimitBytes = 55 * gib;
    facts.gpuCount = 1;
    facts.timeLimitSeconds = 24 * 3600;
    facts.start = t0;
    return facts;
}

app::JobGpuReading reading(const QString &job, const QDateTime &time, double utilisation, qint64 memory)
{
    app::GpuReading gpu;
    gpu.time = time;
    gpu.index = 0;
    gpu.uuid = u"GPU-0f1e2d3c"_s;
    gpu.name = u"NVIDIA A100-SXM4-40GB"_s;
    gpu.utilisationPercent = utilisation;
    gpu.memoryUsedBytes = memory;
    gpu.memoryTotalBytes = 40 * gib;
    gpu.powerWatts = 250;
    gpu.temperatureCelsius = 60;
    return {job, gpu};
}

// A refresh of one job every 10 s: 4 cores busy, RSS 1 GiB, GPU at 40 %; a spike at one sample.
app::MonitorBatch refresh(const QString &job, int i, int spikeAt = -1)
{
    const QDateTime time = t0.addSecs(10LL * i);
    app::MonitorBatch batch;
    const bool spike = i == spikeAt;
    batch.jobSamples.append({job, time, 40.0 * i, std::nullopt, spike ? 7 * gib : 1 * gib});
    batch.gpuReadings.append(reading(job, time, spike ? 97 : 40, spike ? 30 * gib : 2 * gib));
    batch.clusterTime = time;
    app::PartitionUse
        use{u"gpu"_s, 2, 8 + (spike ? 8 : 0), 8 - (spike ? 8 : 0), 0, true, 64 * gib, 64 * gib, 0, true, 1, 1, 0};
    batch.partitions.append(use);
    batch.queues.append({u"gpu"_s, spike ? 9 : 1, 2});
    return batch;
}

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

// Opens a store on path, checks it works, and returns what open() said.
QString openAndUse(MonitorStore &store, const QString &path)
{
    auto opened = store.open(path, u"Hawk"_s);
    if (!opened)
        return u"failed: "_s + opened.error().message;
    if (!store.addJobSamples({{u"1"_s, t0, 10.0, std::nullopt, 100 * mib}}))
        return u"cannot write"_s;
    auto series = store.jobSeries(u"1"_s, {}, {});
    if (!series || series->rssBytes.size() != 1)
        return u"cannot read back"_s;
    return *opened;
}

} // namespace

class tst_MonitorStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name + u".sqlite"_s); }

private Q_SLOTS:
    void init()
    {
        // Qt SQL warns (and does not fail) when a connection is removed while in use, or used from
        // another thread: any warning fails the test.
        QTest::failOnWarning();
    }

    void safeFileNames_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("expectedStart");
        QTest::newRow("uuid") << u"{6f1c9b52-0a7e-4a50-9d55-55e3d0a0c0de}"_s
                              << u"6f1c9b52-0a7e-4a50-9d55-55e3d0a0c0de"_s;
        QTest::newRow("hostile") << u"../../etc/passwd $(date) `x`"_s << u"etc-passwd-date-x-"_s;
        QTest::newRow("dots only") << u".."_s << u""_s;
        QTest::newRow("unicode") << u"Ünïcødé クラスタ"_s << u"n-c-d-"_s;
    }

    void safeFileNames()
    {
        QFETCH(QString, id);
        QFETCH(QString, expectedStart);
        const QString stem = MonitorStore::safeFileStem(id);
        QVERIFY2(stem.startsWith(expectedStart), qPrintable(stem));
        QVERIFY(QRegularExpression(u"^[A-Za-z0-9][A-Za-z0-9-]{0,59}$"_s).match(stem).hasMatch());
        QVERIFY(MonitorStore::safeFileStem(u"a/b"_s) != MonitorStore::safeFileStem(u"a:b"_s));
        QVERIFY(MonitorStore::defaultFilePath(id).endsWith(u"/monitor/"_s + stem + u".sqlite"_s));
    }

    void survivesCloseAndReopen()
    {
        const QString file = path(u"reopen"_s);
        {
            MonitorStore store;
            QCOMPARE(*store.open(file, u"Hawk"_s), QString());
            QVERIFY_RESULT(store.setJobFacts({facts(u"1234"_s)}));
            for (int i = 0; i < 30; ++i)
                QVERIFY_RESULT(store.write(refresh(u"1234"_s, i, 12)));
            QVERIFY_RESULT(store.addJobSamples({{u"77"_s, t0.addSecs(1), 1.0, 0.5, 10 * mib}}));
        }
        MonitorStore store;
        QCOMPARE(*store.open(file, u"Hawk"_s), QString());
        auto job = store.jobSeries(u"1234"_s, {}, {});
        QVERIFY_RESULT(job);
        QCOMPARE(job->rssBytes.size(), 30u);
        QCOMPARE(job->coresBusy.size(), 29u); // the first has no sample before it
        QCOMPARE(job->coresBusy.valueAt(0), 4.0f);
        QVERIFY(testsupport::near(job->averageCoresBusy, 4.0));
        QCOMPARE(*job->peakRssBytes, 7 * gib);
        auto part = store.jobSeries(u"1234"_s, t0.addSecs(100), t0.addSecs(200));
        QCOMPARE(part->rssBytes.size(), 11u);

        auto gpus = store.gpuSeries(u"1234"_s, {}, {});
        QVERIFY_RESULT(gpus);
        QCOMPARE(gpus->size(), 1);
        QCOMPARE(gpus->at(0).uuid, u"GPU-0f1e2d3c"_s);
        QCOMPARE(gpus->at(0).name, u"NVIDIA A100-SXM4-40GB"_s);
        QCOMPARE(*gpus->at(0).peakUtilisation, 97.0);
        QVERIFY(testsupport::near(gpus->at(0).averageUtilisation, (29 * 40 + 97) / 30.0));
        QCOMPARE(*gpus->at(0).memoryTotalBytes, 40 * gib);
        QCOMPARE(gpus->at(0).memoryUsedBytes.size(), 30u);

        auto cluster = store.clusterSeries(u"gpu"_s, {}, {});
        QVERIFY_RESULT(cluster);
        QCOMPARE(cluster->partitions.size(), 30);
        QCOMPARE(cluster->partitions[12].use.cpusAllocated, 16);
        QCOMPARE(cluster->partitions[12].use.memoryTotalBytes(), 128 * gib);
        QCOMPARE(cluster->queues[12].counts, (app::QueueCounts{u"gpu"_s, 9, 2}));
        QCOMPARE(store.clusterSeries(QString(), {}, {})->queues.size(), 30);
        QVERIFY(store.clusterSeries(u"cpu"_s, {}, {})->partitions.isEmpty());

        auto known = store.knownJobs();
        QVERIFY_RESULT(known);
        QCOMPARE(known->size(), 2);
        QCOMPARE(known->at(0).facts.jobId, u"1234"_s); // sampled last
        QCOMPARE(known->at(0).facts, facts(u"1234"_s));
        QCOMPARE(known->at(0).gpus, 1);
        QCOMPARE(known->at(0).firstSample, t0);
        QCOMPARE(known->at(0).lastSample, t0.addSecs(290));
        QCOMPARE(known->at(1).facts.jobId, u"77"_s);

        // Facts not given leave the stored ones.
        app::JobFacts ended;
        ended.jobId = u"1234"_s;
        ended.stateText = u"COMPLETED"_s;
        ended.end = t0.addSecs(300);
        QVERIFY_RESULT(store.setJobFacts({ended}));
        app::JobFacts expected = facts(u"1234"_s);
        expected.stateText = ended.stateText;
        expected.end = ended.end;
        QCOMPARE(*store.jobFacts(u"1234"_s), expected);
        QVERIFY(store.jobSeries(u"nope"_s, {}, {})->rssBytes.isEmpty());
    }

    void damagedFilesAreSetAside_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("said");
        QTest::newRow("random bytes") << u"random"_s << u"was damaged and has been set aside as"_s;
        QTest::newRow("truncated database") << u"truncated"_s << u"was damaged and has been set aside as"_s;
        QTest::newRow("foreign schema") << u"foreign"_s << u"was not one this clusterdesk can read"_s;
        QTest::newRow("another version") << u"version"_s << u"was not one this clusterdesk can read"_s;
        QTest::newRow("newer clusterdesk") << u"newer"_s << u"was written by a newer clusterdesk"_s;
    }

    void damagedFilesAreSetAside()
    {
        QFETCH(QString, kind);
        QFETCH(QString, said);
        const QString file = path(u"damaged-"_s + kind);
        if (kind == "random"_L1) {
            QByteArray bytes(64 * 1024, Qt::Uninitialized);
            QRandomGenerator generator(16);
            generator.fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
            writeBytes(file, bytes);
        } else if (kind == "truncated"_L1) {
            {
                MonitorStore store;
                QVERIFY(store.open(file, u"Hawk"_s));
                for (int i = 0; i < 2000; ++i)
                    QVERIFY_RESULT(store.write(refresh(u"1234"_s, i)));
            }
            QFile data(file);
            QVERIFY(!QFile::exists(file + u"-wal"_s)); // all in the file itself after a clean close
            QVERIFY(data.size() > 64 * 1024);
            QVERIFY(data.resize(data.size() / 2));
        } else {
            const QString connection = u"foreign-"_s + kind;
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
                db.setDatabaseName(file);
                QVERIFY(db.open());
                QSqlQuery query(db);
                QVERIFY(query.exec(u"CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)"_s));
                if (kind == "version"_L1)
                    QVERIFY(query.exec(u"PRAGMA user_version = %1"_s.arg(MonitorStore::schemaVersion)));
                if (kind == "newer"_L1)
                    QVERIFY(query.exec(u"PRAGMA user_version = 99"_s));
            }
            QSqlDatabase::removeDatabase(connection);
        }
        const QByteArray before = [&] {
            QFile f(file);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();

        MonitorStore store;
        const QString notice = openAndUse(store, file);
        QVERIFY2(notice.startsWith(u"The monitor history of Hawk "_s + said), qPrintable(notice));
        QVERIFY2(notice.endsWith(u"; a new one was started."_s), qPrintable(notice));
        const QStringList aside = QDir(m_dir.path()).entryList({u"damaged-"_s + kind + u".sqlite.damaged-*"_s});
        QCOMPARE(aside.size(), 1);
        QVERIFY(notice.contains(QDir::toNativeSeparators(m_dir.filePath(aside[0]))));
        QFile kept(m_dir.filePath(aside[0]));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), before); // set aside as it was
        store.close();
        // The fresh file is kept: opening again says nothing.
        MonitorStore again;
        QCOMPARE(*again.open(file, u"Hawk"_s), QString());
        QCOMPARE(again.jobSeries(u"1"_s, {}, {})->rssBytes.size(), 1u);
    }

    void unwritableFolderIsAnError()
    {
        const QString plainFile = m_dir.filePath(u"a-file"_s);
        writeBytes(plainFile, "not a folder");
        MonitorStore store;
        auto opened = store.open(plainFile + u"/monitor/hawk.sqlite"_s, u"Hawk"_s);
        QVERIFY(!opened);
        QCOMPARE(opened.error().kind, sshcore::ErrorKind::PermissionDenied);
        QVERIFY(opened.error().message.contains(u"a-file"_s));
        QVERIFY(!store.isOpen());
        QVERIFY(!store.write(refresh(u"1"_s, 0)));
        QVERIFY(!store.jobSeries(u"1"_s, {}, {}));
        QVERIFY(!store.maintain(t0));
    }

    void readOnlyFolderIsAnError()
    {
        if (::geteuid() == 0)
            QSKIP("root writes into read-only folders; the folder-under-a-file case above stands for it");
        QTemporaryDir dir;
        const QString file = dir.filePath(u"hawk.sqlite"_s);
        {
            MonitorStore store;
            QVERIFY(store.open(file, u"Hawk"_s));
            QVERIFY_RESULT(store.write(refresh(u"1"_s, 0)));
        }
        QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner));
        QVERIFY(QFile::setPermissions(file, QFile::ReadOwner));
        MonitorStore store;
        auto opened = store.open(file, u"Hawk"_s);
        if (opened) // SQLite may open it read-only: then writing is what fails
            QCOMPARE(store.write(refresh(u"1"_s, 1)).error().kind, sshcore::ErrorKind::PermissionDenied);
        else
            QCOMPARE(opened.error().kind, sshcore::ErrorKind::PermissionDenied);
        store.close();
        MonitorStore fresh;
        auto made = fresh.open(dir.filePath(u"other.sqlite"_s), u"Hawk"_s);
        QVERIFY(!made);
        QCOMPARE(made.error().kind, sshcore::ErrorKind::PermissionDenied);
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    void fullDatabaseIsAnError()
    {
        MonitorStore store;
        QVERIFY(store.open(path(u"full"_s), u"Hawk"_s));
        QVERIFY_RESULT(store.write(refresh(u"1234"_s, 0)));
        {
            // As if the disk were full: SQLite may not grow the file by another page.
            QSqlDatabase db = QSqlDatabase::database(store.connectionName());
            QSqlQuery query(db);
            QVERIFY(query.exec(u"PRAGMA page_count"_s) && query.next());
            const int pages = query.value(0).toInt();
            QVERIFY(query.exec(u"PRAGMA max_page_count = %1"_s.arg(pages)));
        }
        app::MonitorBatch big;
        for (int i = 0; i < 5000; ++i)
            big.jobSamples.append({u"j%1"_s.arg(i), t0, 1.0, std::nullopt, 1 * gib});
        auto written = store.write(big);
        QVERIFY(!written);
        QCOMPARE(written.error().kind, sshcore::ErrorKind::NoSpace);
        // Nothing of the failed batch is half-written, and what was there is still read.
        QCOMPARE(store.knownJobs()->size(), 1);
        QCOMPARE(store.jobSeries(u"1234"_s, {}, {})->rssBytes.size(), 1u);
    }

    void downSamplingKeepsPeaksAndDropsOldRows()
    {
        MonitorStore store;
        QVERIFY(store.open(path(u"maintain"_s), u"Hawk"_s));
        // Two days of 10-second samples; a one-sample spike 30 h before the end.
        const int count = 2 * 8640;
        const int spikeAt = count - 3 * 360 * 10;
        app::MonitorBatch all;
        for (int i = 0; i < count; ++i) {
            const app::MonitorBatch one = refresh(u"1234"_s, i, spikeAt);
            all.jobSamples += one.jobSamples;
            all.gpuReadings += one.gpuReadings;
        }
        QVERIFY_RESULT(store.write(all));
        // The cluster: 100 minutes of old samples (a busy one at the start of minute 50), and 400 recent.
        for (int i = 0; i < 600; ++i) {
            const app::MonitorBatch one = refresh(u"x"_s, i, 300);
            QVERIFY_RESULT(store.addClusterSamples(one.clusterTime, one.partitions, one.queues));
        }
        for (int i = count - 400; i < count; ++i) {
            const app::MonitorBatch one = refresh(u"x"_s, i);
            QVERIFY_RESULT(store.addClusterSamples(one.clusterTime, one.partitions, one.queues));
        }
        const QDateTime end = t0.addSecs(10LL * count);
        const QDateTime cut = end.addDays(-1);
        const auto before = *store.jobSeries(u"1234"_s, {}, cut);
        const auto gpuBefore = store.gpuSeries(u"1234"_s, {}, cut)->at(0);

        auto done = store.maintain(end);
        QVERIFY_RESULT(done);
        QVERIFY(done->ran);
        QVERIFY(done->rowsMerged > 8000);
        QCOMPARE(done->rowsDropped, 0);

        const auto after = *store.jobSeries(u"1234"_s, {}, cut.addSecs(-60));
        QVERIFY2(after.rssBytes.size() <= 8640 / 6 + 1, qPrintable(QString::number(after.rssBytes.size())));
        QCOMPARE(*after.peakRssBytes, 7 * gib);                  // the spike survives
        QVERIFY(std::abs(*after.averageCoresBusy - 4.0) < 1e-6); // from the cumulative CPU
        QVERIFY(std::abs(*after.coresBusy.timeWeightedMean() - *before.coresBusy.timeWeightedMean()) < 0.01);
        const auto gpuAfter = store.gpuSeries(u"1234"_s, {}, cut.addSecs(-60))->at(0);
        QCOMPARE(*gpuAfter.peakUtilisation, 97.0);
        QCOMPARE(*gpuAfter.memoryUsedBytes.maximum(), float(30 * gib));
        QVERIFY(std::abs(*gpuAfter.averageUtilisation - *gpuBefore.averageUtilisation) < 0.01);
        // A partition keeps each minute's last snapshot (its figures add up); the queue its most pending.
        const auto cluster = *store.clusterSeries(u"gpu"_s, {}, cut);
        QCOMPARE(cluster.partitions.size(), 100);
        QCOMPARE(cluster.queues.size(), 100);
        QCOMPARE(cluster.partitions[50].timeMs, t0.addSecs(3050).toMSecsSinceEpoch());
        QCOMPARE(cluster.partitions[50].use.cpusAllocated, 8);
        QCOMPARE(cluster.partitions[50].use.cpusTotal(), 16);
        QCOMPARE(cluster.queues[50].counts.pending, 9);
        QCOMPARE(cluster.queues[49].counts.pending, 1);
        QCOMPARE(store.clusterSeries(u"gpu"_s, cut, {})->partitions.size(), 400);
        // The last day is untouched.
        QCOMPARE(store.jobSeries(u"1234"_s, cut, {})->rssBytes.size(), 8640u);

        // 90 days on, everything is gone, and the job forgotten.
        auto later = store.maintain(end.addDays(91));
        QVERIFY_RESULT(later);
        QVERIFY(later->ran);
        QVERIFY(later->rowsDropped >= 4 * 1440);
        QVERIFY(store.jobSeries(u"1234"_s, {}, {})->rssBytes.isEmpty());
        QVERIFY(store.gpuSeries(u"1234"_s, {}, {})->isEmpty());
        QVERIFY(store.knownJobs()->isEmpty());
        QVERIFY(store.clusterSeries({}, {}, {})->partitions.isEmpty());
    }

    void maintenanceRunsAtMostHourly()
    {
        const QString file = path(u"hourly"_s);
        {
            MonitorStore store;
            QVERIFY(store.open(file, u"Hawk"_s));
            QVERIFY(store.maintain(t0)->ran);
            QVERIFY(!store.maintain(t0.addSecs(30 * 60))->ran);
        }
        MonitorStore store;
        QVERIFY(store.open(file, u"Hawk"_s));
        QVERIFY(!store.maintain(t0.addSecs(59 * 60))->ran); // remembered in the file
        QVERIFY(store.maintain(t0.addSecs(61 * 60))->ran);
    }

    void twoStoresOnTwoThreads()
    {
        QList<QString> failures(2);
        QList<QString> names(2);
        auto work = [&](int n) {
            MonitorStore store;
            names[n] = store.connectionName();
            if (!store.open(path(u"thread%1"_s.arg(n)), u"Hawk"_s)) {
                failures[n] = u"open"_s;
                return;
            }
            for (int i = 0; i < 300; ++i) {
                if (!store.write(refresh(u"job%1"_s.arg(n), i))) {
                    failures[n] = u"write %1"_s.arg(i);
                    return;
                }
                if (i % 50 == 0 && !store.jobSeries(u"job%1"_s.arg(n), {}, {}))
                    failures[n] = u"read %1"_s.arg(i);
            }
            if (store.jobSeries(u"job%1"_s.arg(n), {}, {})->rssBytes.size() != 300)
                failures[n] = u"count"_s;
        };
        std::unique_ptr<QThread> first(QThread::create(work, 0));
        std::unique_ptr<QThread> second(QThread::create(work, 1));
        first->start();
        second->start();
        QVERIFY(first->wait(120'000));
        QVERIFY(second->wait(120'000));
        QCOMPARE(failures, (QList<QString>{{}, {}}));
        QVERIFY(names[0] != names[1]);
        QVERIFY(!QSqlDatabase::contains(names[0]));
        QVERIFY(!QSqlDatabase::contains(names[1]));
    }

    void aStoreBelongsToTheThreadThatOpenedIt()
    {
        auto store = std::make_unique<MonitorStore>();
        std::unique_ptr<QThread> worker(QThread::create([&] {
            QVERIFY(store->open(path(u"affinity"_s), u"Hawk"_s));
            QVERIFY_RESULT(store->write(refresh(u"1"_s, 0)));
        }));
        worker->start();
        QVERIFY(worker->wait(60'000));
        // Here it is of no use (an error value, not Qt SQL's warning), and it goes cleanly.
        QVERIFY(!store->isOpen());
        auto series = store->jobSeries(u"1"_s, {}, {});
        QVERIFY(!series);
        QVERIFY(series.error().message.contains(u"another thread"_s));
        QVERIFY(!store->write(refresh(u"1"_s, 1)));
        const QString name = store->connectionName();
        store.reset();
        QVERIFY(!QSqlDatabase::contains(name));
        MonitorStore again;
        QVERIFY(again.open(path(u"affinity"_s), u"Hawk"_s));
        QCOMPARE(again.jobSeries(u"1"_s, {}, {})->rssBytes.size(), 1u);
    }

    void connectionIsRemovedOnClose()
    {
        QString name;
        {
            MonitorStore store;
            name = store.connectionName();
            QVERIFY(store.open(path(u"connection"_s), u"Hawk"_s));
            QVERIFY(QSqlDatabase::contains(name));
            QVERIFY_RESULT(store.write(refresh(u"1"_s, 0)));
            auto series = store.jobSeries(u"1"_s, {}, {});
            QVERIFY(series);
            store.close();
            QVERIFY(!QSqlDatabase::contains(name));
            QVERIFY(store.open(path(u"connection"_s), u"Hawk"_s)); // and opens again under the same name
        }
        QVERIFY(!QSqlDatabase::contains(name));
    }
};

QTEST_GUILESS_MAIN(tst_MonitorStore)
#include "tst_monitorstore.moc"
