// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The transfer queue without a cluster: temporary names for any legal name (255 bytes too), the
// counters behind a job's figures, the model checked as a model, and the window's thread kept free
// while a tree of 100,000 files is walked, with the queue destroyed in the middle of such a walk.

#include "app/transfers/PartialName.h"
#include "app/transfers/TransferQueue.h"
#include "app/transfers/TransferQueueModel.h"
#include "app/transfers/TransferTotals.h"
#include "sshcore/SshConnection.h"
#include "sshcore/SshConnectionSettings.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>
#include <time.h>

using namespace Qt::StringLiterals;
using app::PartialName;
using app::TransferQueue;

namespace {

qint64 threadCpuNs()
{
    timespec now{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

// The longest time the event loop did not run while it was watched: a 10 ms timer records its gaps,
// as time on the clock and as time this thread was busy in them. On a loaded machine (tests and
// builds side by side on two cores) the first also counts the time the thread waited for a core;
// the second is what the thread itself did instead of running the loop.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setInterval(10);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 cpu = threadCpuNs();
            m_longest = std::max(m_longest, m_clock.restart());
            m_longestBusy = std::max(m_longestBusy, (cpu - m_cpu) / 1'000'000);
            m_cpu = cpu;
        });
        m_clock.start();
        m_cpu = threadCpuNs();
        m_timer.start();
    }
    qint64 longestMs() const { return m_longest; }
    qint64 longestBusyMs() const { return m_longestBusy; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_cpu = 0;
    qint64 m_longest = 0;
    qint64 m_longestBusy = 0;
};

// A folder for many small files: on tmpfs where there is one, so that making them is quick.
QString scratchBase()
{
    const QFileInfo shm(u"/dev/shm"_s);
    return shm.isDir() && shm.isWritable() ? shm.filePath() : QDir::tempPath();
}

} // namespace

class tst_TransferQueue : public QObject
{
    Q_OBJECT

    QTemporaryDir m_big{scratchBase() + u"/tst-transferqueue-XXXXXX"_s};
    static constexpr int bigFiles = 100'000;

    // A connection that is never opened: the queue walks local trees without it.
    std::unique_ptr<sshcore::SshConnection> offline()
    {
        sshcore::SshConnectionSettings settings;
        settings.host = u"offline.invalid"_s;
        settings.user = u"nobody"_s;
        return std::make_unique<sshcore::SshConnection>(settings, nullptr);
    }

    bool waitWhileScanning(const TransferQueue &queue, int id, int timeoutMs = 120000)
    {
        return QTest::qWaitFor([&] { return queue.job(id)->state != TransferQueue::JobState::Scanning; }, timeoutMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_big.isValid());
        // 100 folders of 1,000 files of a few bytes each.
        for (int folder = 0; folder < 100; ++folder) {
            const QString path = m_big.filePath(u"tree/d%1"_s.arg(folder));
            QVERIFY(QDir().mkpath(path));
            for (int file = 0; file < bigFiles / 100; ++file) {
                QFile out(path + u"/f%1.txt"_s.arg(file));
                QVERIFY(out.open(QIODevice::WriteOnly));
                out.write("x\n");
            }
        }
    }

    void partialNames_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::newRow("short") << QByteArray("data.csv");
        QTest::newRow("247 bytes: the longest kept whole") << QByteArray(247, 'a');
        QTest::newRow("248 bytes") << QByteArray(248, 'b');
        QTest::newRow("255 bytes") << QByteArray(255, 'c');
        QTest::newRow("255 bytes of two-byte characters") << QString(127, u'é').toUtf8() + 'x';
        QTest::newRow("255 bytes of three-byte characters") << QString(85, u'✓').toUtf8();
    }

    void partialNames()
    {
        QFETCH(QByteArray, name);
        const QByteArray partial = PartialName::forName(name);
        QVERIFY2(partial.size() <= PartialName::nameMax, partial.constData());
        QVERIFY(partial.startsWith('.'));
        QVERIFY(partial.endsWith(".cdpart"));
        QCOMPARE(PartialName::forName(name), partial); // the same every time: resume finds it
        if (name.size() + 8 <= PartialName::nameMax) {
            QCOMPARE(partial, '.' + name + ".cdpart");
            return;
        }
        // Shortened: the name's beginning, whole characters only, and a hash of all of it.
        QCOMPARE(partial.size() > 200, true);
        QVERIFY(QString::fromUtf8(partial).toUtf8() == partial); // no character cut in two
        QVERIFY(name.startsWith(partial.mid(1, partial.indexOf('~') - 1)));
        // Another long name with the same beginning gets another partial name.
        QByteArray other = name;
        other[other.size() - 1] = 'z';
        QVERIFY(PartialName::forName(other) != partial);

        // The paths: beside the file, on either side.
        QCOMPARE(PartialName::forRemote("/home/alice/" + name), "/home/alice/" + partial);
        QCOMPARE(PartialName::forLocal(u"/tmp/x/"_s + QFile::decodeName(name)),
                 u"/tmp/x/"_s + QFile::decodeName(partial));
        QCOMPARE(TransferQueue::temporaryRemoteName("/a/" + name), "/a/" + partial);
    }

    // Counters follow the files' changes both ways.
    void totals()
    {
        app::TransferTotals totals;
        app::TransferFile file;
        file.size = 100;
        totals.add(0, file);
        app::TransferFile failed = file;
        failed.state = app::TransferFileState::Failed;
        totals.add(1, failed);
        QCOMPARE(totals.bytesTotal(), 200u);
        QCOMPARE(totals.filesOpen(), 1);
        QCOMPARE(totals.failedFiles(), QList<int>{1});
        totals.remove(0, file);
        file.state = app::TransferFileState::Running;
        file.done = 40;
        totals.add(0, file);
        QCOMPARE(totals.bytesDone(), 40u);
        totals.remove(0, file);
        file.state = app::TransferFileState::Done;
        totals.add(0, file);
        QCOMPARE(totals.bytesDone(), 100u);
        QCOMPARE(totals.filesDone(), 1);
        QCOMPARE(totals.filesOpen(), 0);
        totals.remove(1, failed);
        QCOMPARE(totals.filesFailed(), 0);
        QVERIFY(totals.failedFiles().isEmpty());
        QCOMPARE(totals.filesTotal(), 1);
    }

    // 100,000 files walked on a worker: the job stays in Scanning meanwhile, the event loop never
    // waits more than 50 ms in one go, and the figures come from counters.
    void bigTreeDoesNotStallTheEventLoop()
    {
        const auto connection = offline();
        TransferQueue queue(connection.get());
        app::TransferQueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setQueue(&queue);
        StallMeter meter;
        QElapsedTimer took;
        took.start();
        const int id = queue.upload(m_big.filePath(u"tree"_s), "/home/nobody");
        QVERIFY2(took.elapsed() < 50, "upload() itself waited for the walk");
        QCOMPARE(queue.job(id)->state, TransferQueue::JobState::Scanning);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(waitWhileScanning(queue, id));
        QCOMPARE(queue.job(id)->files.size(), bigFiles);
        QCOMPARE(queue.job(id)->remoteDirectories.size(), 101);
        QCOMPARE(queue.job(id)->files.first().remote.left(18), "/home/nobody/tree/"_ba);
        const auto progress = queue.progress(id);
        QCOMPARE(progress.filesTotal, bigFiles);
        QCOMPARE(progress.bytesTotal, quint64(2 * bigFiles));
        QCOMPARE(queue.overall().filesTotal, bigFiles);
        QTest::qWait(50); // the model's repaint after the files arrived, measured too
        qInfo("longest event loop stall while walking %d files: %lld ms, of which the thread was "
              "busy %lld ms",
              bigFiles, meter.longestMs(), meter.longestBusyMs());
        QVERIFY2(meter.longestBusyMs() <= 50,
                 qPrintable(u"the event loop was kept busy %1 ms"_s.arg(meter.longestBusyMs())));
        // The model reads counters: a thousand reads of every role cost next to nothing.
        QElapsedTimer reading;
        reading.start();
        for (int i = 0; i < 1000; ++i) {
            for (int column = 0; column < app::TransferQueueModel::ColumnCount; ++column)
                (void)model.data(model.index(0, column));
            (void)model.data(model.index(0, 0), app::TransferQueueModel::ProgressRole);
            (void)model.data(model.index(0, 0), app::TransferQueueModel::FailuresRole);
        }
        QVERIFY2(reading.elapsed() < 1000, qPrintable(u"%1 ms"_s.arg(reading.elapsed())));

        // Cancelled: its files are skipped, the row says so; clearing removes it.
        queue.cancel(id);
        QCOMPARE(queue.progress(id).filesDone, bigFiles);
        QCOMPARE(model.data(model.index(0, app::TransferQueueModel::StateColumn)).toString(), u"Cancelled"_s);
        model.clearFinished();
        QCOMPARE(model.rowCount(), 0);
    }

    // A missing source is said, after the walk, not by upload() itself.
    void missingSource()
    {
        const auto connection = offline();
        TransferQueue queue(connection.get());
        app::TransferQueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setQueue(&queue);
        const int id = queue.upload(m_big.filePath(u"not-there"_s), "/home/nobody");
        QTRY_COMPARE(queue.job(id)->state, TransferQueue::JobState::Finished);
        QVERIFY2(queue.job(id)->error.contains(u"does not exist"_s), qPrintable(queue.job(id)->error));
        QVERIFY(model.data(model.index(0, app::TransferQueueModel::StateColumn)).toString().startsWith(u"Failed"_s));
        QCOMPARE(model.data(model.index(0, 0), app::TransferQueueModel::FailuresRole).toStringList().size(), 1);
    }

    // The queue goes while a walk is running (and another waits for a thread): no crash, no late
    // answer to a deleted queue, and the destruction does not wait for the walks to end.
    void destroyedDuringAScan()
    {
        const auto connection = offline();
        auto queue = std::make_unique<TransferQueue>(connection.get());
        bool answered = false;
        connect(queue.get(), &TransferQueue::jobChanged, this, [&] { answered = true; });
        for (int i = 0; i < 3; ++i)
            queue->upload(m_big.filePath(u"tree"_s), "/home/nobody");
        QVERIFY(queue->job(1)->state == TransferQueue::JobState::Scanning);
        QElapsedTimer took;
        took.start();
        queue.reset();
        QVERIFY2(took.elapsed() < 1000, qPrintable(u"%1 ms"_s.arg(took.elapsed())));
        QTest::qWait(200); // whatever was on its way arrives now, to nobody
        QVERIFY(!answered);
    }
};

QTEST_MAIN(tst_TransferQueue)
#include "tst_transferqueue.moc"
