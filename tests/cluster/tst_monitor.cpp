// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Monitor's sampling against the demo cluster's real Slurm: a job that keeps two threads busy
// shows about two cores busy; one that holds 300 MiB shows its resident memory reach about that,
// under the limit it asked for; a GPU job shows the replayed series of its own GPU only; the
// cluster's allocated CPUs follow a job's start and end; a held job counts as pending; watching
// several jobs costs one command per refresh; and the CLI's monitor and usage print the same.
#include "DemoClusterSupport.h"
#include "ScriptedInteraction.h"
#include "TestSupport.h"
#include "app/monitor/MonitorSampler.h"
#include "app/monitor/Verdicts.h"
#include "app/schedulers/ResourceUnits.h"
#include "sshcore/ShellQuote.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using sshcore::ShellQuote;

namespace {

double median(QList<double> values)
{
    std::ranges::sort(values);
    return values.isEmpty() ? -1 : values.at(values.size() / 2);
}

QList<double> valuesOf(const app::Series &series, std::size_t last)
{
    QList<double> values;
    for (std::size_t i = series.size() > last ? series.size() - last : 0; i < series.size(); ++i)
        values << double(series.valueAt(i));
    return values;
}

double lastOf(const app::Series &series)
{
    return series.isEmpty() ? -1 : double(series.valueAt(series.size() - 1));
}

QStringList wordsOf(const app::JobTrack &track)
{
    QStringList words;
    for (const app::Verdict &verdict :
         app::Verdicts::fromSamples(track.facts, track.series, track.gpus, QDateTime::currentDateTimeUtc()))
        words << verdict.text;
    return words;
}

} // namespace

class TestMonitor : public QObject
{
    Q_OBJECT

    app::DemoCluster m_cluster;
    ScriptedInteraction m_interaction;
    std::unique_ptr<sshcore::SshConnection> m_connection;
    std::unique_ptr<app::SchedulerClient> m_client;
    QStringList m_jobs; // cancelled at the end

    sshcore::CommandResult run(const QByteArray &commandLine)
    {
        return testsupport::runCommand(*m_client, commandLine);
    }

    // Submits a wrapped script; the job's id, or empty (with a warning saying why).
    QString submit(const QByteArray &options, const QByteArray &script)
    {
        const sshcore::CommandResult result = run("cd /tmp && sbatch --parsable -t 5 -J tst-monitor " + options
                                                  + " --wrap " + ShellQuote::quote(script));
        if (result.exitStatus != 0) {
            qWarning("sbatch: %s", result.standardError.constData());
            return {};
        }
        const QString id = QString::fromUtf8(result.standardOutput.trimmed()).section(u';', 0, 0);
        m_jobs << id;
        return id;
    }

    std::unique_ptr<app::MonitorSampler> sampler()
    {
        auto s = std::make_unique<app::MonitorSampler>(m_client.get(), m_connection.get());
        s->setInterval(2s);
        return s;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const auto cluster = app::DemoCluster::load(app::DemoCluster::defaultFilePath());
        QVERIFY_RESULT(cluster);
        m_cluster = *cluster;
        m_connection = testsupport::connectAs(m_cluster, u"alice"_s, &m_interaction);
        QVERIFY2(m_connection->state() == sshcore::SshConnectionState::Connected,
                 qPrintable(m_connection->stateMessage()));
        m_client = std::make_unique<app::SchedulerClient>(m_connection.get(),
                                                          app::Scheduler::create(app::Profile::Scheduler::Slurm));
    }

    void cleanupTestCase()
    {
        if (m_client && !m_jobs.isEmpty())
            run("scancel " + m_jobs.join(u' ').toUtf8() + " >/dev/null 2>&1");
    }

    void twoBusyThreadsAreAboutTwoCores()
    {
        const QString id = submit("-c 2 --mem=256M",
                                  "for i in 1 2; do timeout 40 sh -c 'while :; do :; done' & done; wait");
        QVERIFY(!id.isEmpty());
        auto s = sampler();
        s->watch(id);
        s->start();
        QTRY_VERIFY_WITH_TIMEOUT(s->track(id) && s->track(id)->series.coresBusy.size() >= 6, 90000);
        const app::JobTrack *track = s->track(id);
        const double busy = median(valuesOf(track->series.coresBusy, 5));
        QVERIFY2(busy > 1.6 && busy < 2.3, qPrintable(QString::number(busy)));
        QCOMPARE(track->job.cpuCount, 2);
        QCOMPARE(s->gpuSamplersRunning(), 0); // no GPU: no sampling step
        const QString words = wordsOf(*track).join(u'\n');
        QVERIFY2(words.contains(u"of the 2 cores were busy"_s), qPrintable(words));
        run("scancel " + id.toUtf8());
        // Its end is seen in the listing, and sampling it stops.
        QTRY_VERIFY_WITH_TIMEOUT(app::isFinished(s->track(id)->job.state), 60000);
    }

    void heldMemoryReachesItsSizeUnderTheLimit()
    {
        const QString id = submit("-c 1 --mem=512M",
                                  "python3 -c 'import time; b = bytearray(300 * 1024 * 1024); b[::4096] = b\"x\" * "
                                  "len(b[::4096]); time.sleep(40)'");
        QVERIFY(!id.isEmpty());
        auto s = sampler();
        s->watch(id);
        s->start();
        QTRY_VERIFY_WITH_TIMEOUT(s->track(id) && lastOf(s->track(id)->series.rssBytes) > 280.0 * app::units::MiB,
                                 90000);
        const app::JobTrack *track = s->track(id);
        const double rss = lastOf(track->series.rssBytes);
        QVERIFY2(rss < 380.0 * app::units::MiB, qPrintable(QString::number(rss)));
        QCOMPARE(track->facts.memoryLimitBytes.value_or(0), 512 * app::units::MiB);
        QVERIFY(rss < double(*track->facts.memoryLimitBytes));
        const QString words = wordsOf(*track).join(u'\n');
        QVERIFY2(words.contains(u"Memory peaked at"_s, Qt::CaseInsensitive) && words.contains(u"512 MiB"_s),
                 qPrintable(words));
        run("scancel " + id.toUtf8());
    }

    void aGpuJobShowsItsOwnGpuOnly()
    {
        // Take one of node01's two GPUs with a first job, so that the watched one gets the other.
        const QString first = submit("-p gpu --gres=gpu:h100:1 -c 1 --mem=128M", "sleep 60");
        QVERIFY(!first.isEmpty());
        const QString id = submit("-p gpu --gres=gpu:h100:1 -c 1 --mem=128M", "sleep 60");
        QVERIFY(!id.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(run("squeue -h -o %T -j " + id.toUtf8()).standardOutput.trimmed(),
                                  QByteArray("RUNNING"), 60000);
        // Which GPU Slurm gave it: "GRES=gpu:h100:1(IDX:1)".
        const QByteArray details = run("scontrol show job -d " + id.toUtf8()).standardOutput;
        const QRegularExpressionMatch index = QRegularExpression(u"IDX:(\\d)"_s).match(QString::fromUtf8(details));
        QVERIFY2(index.hasMatch(), details.constData());
        const int own = index.captured(1).toInt();

        auto s = sampler();
        s->watch(id);
        s->start();
        QTRY_VERIFY_WITH_TIMEOUT(s->track(id) && !s->track(id)->gpus.isEmpty()
                                     && s->track(id)->gpus.constFirst().utilisation.size() >= 3,
                                 90000);
        const app::JobTrack *track = s->track(id);
        QCOMPARE(track->gpus.size(), 1);
        QCOMPARE(track->gpus.constFirst().index, own);
        QVERIFY2(track->gpus.constFirst().name.contains(u"H100"_s), qPrintable(track->gpus.constFirst().name));
        QVERIFY(track->gpus.constFirst().memoryTotalBytes.value_or(0) > 0);
        QCOMPARE(s->gpuSamplersRunning(), 1);
        const QString words = wordsOf(*track).join(u'\n');
        QVERIFY2(words.contains(u"GPU"_s), qPrintable(words));
        // Nobody watches any more: the sampling step stops.
        s->unwatch(id);
        QTRY_COMPARE_WITH_TIMEOUT(s->gpuSamplersRunning(), 0, 10000);
        run("scancel " + first.toUtf8() + ' ' + id.toUtf8());
    }

    void clusterFollowsAJobAndCountsAHeldOneAsPending()
    {
        auto s = sampler();
        s->setViewed(true); // nothing watched: only a view showing the cluster keeps the quick pace
        s->start();
        const auto cpuPartition = [&s]() -> const app::PartitionTrack * {
            for (const app::PartitionTrack &track : s->partitions()) {
                if (track.partition == u"cpu")
                    return &track;
            }
            return nullptr;
        };
        QTRY_VERIFY_WITH_TIMEOUT(cpuPartition(), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(cpuPartition()->now.cpusAllocated, 0, 60000); // earlier tests' jobs gone
        const int total = cpuPartition()->now.cpusTotal();
        QVERIFY(total >= 2);

        const QString held = submit("-H -c 1", "true");
        const QString running = submit("-c 1 --mem=128M", "sleep 30");
        QVERIFY(!held.isEmpty() && !running.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(cpuPartition()->now.cpusAllocated, 1, 60000);
        QCOMPARE(cpuPartition()->now.cpusTotal(), total);
        QTRY_VERIFY_WITH_TIMEOUT(lastOf(cpuPartition()->pending) >= 1, 30000);
        QVERIFY(lastOf(cpuPartition()->running) >= 1);
        QVERIFY(lastOf(cpuPartition()->memoryAllocatedBytes) >= 128.0 * app::units::MiB);
        run("scancel " + running.toUtf8() + ' ' + held.toUtf8());
        QTRY_COMPARE_WITH_TIMEOUT(cpuPartition()->now.cpusAllocated, 0, 60000);
        // The series kept the rise and the fall.
        const std::vector<float> &allocated = cpuPartition()->cpusAllocated.values();
        QVERIFY(std::find(allocated.cbegin(), allocated.cend(), 1.0f) != allocated.cend());
    }

    void oneCommandPerRefreshWhateverIsWatched()
    {
        QStringList ids;
        for (int i = 0; i < 3; ++i)
            ids << submit("-c 1 --mem=64M", "sleep 40");
        QVERIFY(!ids.contains(QString()));
        auto s = sampler();
        for (const QString &id : std::as_const(ids))
            s->watch(id);
        QSignalSpy refreshed(s.get(), &app::MonitorSampler::refreshed);
        s->start();
        // The node has few CPUs: some of them wait. Those that run are sampled, all in the same command.
        const auto sampled = [&] {
            int count = 0;
            for (const QString &id : std::as_const(ids))
                count += s->track(id) && !s->track(id)->series.rssBytes.isEmpty();
            return count;
        };
        QTRY_VERIFY_WITH_TIMEOUT(sampled() >= 2, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() >= 5, 60000);
        s->stop();
        // Every command sent was one refresh (the one under way when stopped still answers).
        QTRY_COMPARE_WITH_TIMEOUT(s->commandsSent(), int(refreshed.size()), 30000);
        QCOMPARE(s->gpuSamplersRunning(), 0);
        run("scancel " + ids.join(u' ').toUtf8());
    }

    void cliMonitorAndUsage()
    {
        const QString id = submit("-c 1 --mem=128M", "sleep 8");
        QVERIFY(!id.isEmpty());
        const auto account = m_cluster.user(u"alice"_s);
        QVERIFY(account);
        const QStringList common{u"--identity"_s, account->keyPath, u"--known-hosts"_s, m_cluster.knownHostsPath,
                                 u"--batch"_s};
        const QString target = u"alice@%1:%2"_s.arg(m_cluster.host).arg(m_cluster.loginPort);
        QProcess monitor;
        monitor.start(QStringLiteral(CLUSTERDESK_CLI),
                      QStringList{u"monitor"_s, target, id, u"--interval"_s, u"2"_s} + common);
        QVERIFY(monitor.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(monitor.state() == QProcess::NotRunning, 90000);
        const QString out = QString::fromUtf8(monitor.readAllStandardOutput());
        const QString err = QString::fromUtf8(monitor.readAllStandardError());
        QCOMPARE(monitor.exitCode(), 0);
        QVERIFY2(out.contains(u"cores busy"_s) && out.contains(u"memory"_s), qPrintable(out + err));
        QVERIFY2(err.contains(u"Job %1 ended."_s.arg(id)), qPrintable(err));

        QProcess usage;
        usage.start(QStringLiteral(CLUSTERDESK_CLI), QStringList{u"usage"_s, target} + common);
        QTRY_VERIFY_WITH_TIMEOUT(usage.state() == QProcess::NotRunning, 60000);
        const QString table = QString::fromUtf8(usage.readAllStandardOutput());
        QCOMPARE(usage.exitCode(), 0);
        QVERIFY2(table.contains(QRegularExpression(u"^cpu +\\d+/\\d+/\\d+"_s, QRegularExpression::MultilineOption)),
                 qPrintable(table));
        QVERIFY2(table.contains(
                     QRegularExpression(u"^gpu .* \\d+/\\d+/\\d+ +\\d+/\\d+$"_s, QRegularExpression::MultilineOption)),
                 qPrintable(table));

        // A job that is not there: a clear message and status 1.
        QProcess unknown;
        unknown.start(QStringLiteral(CLUSTERDESK_CLI), QStringList{u"monitor"_s, target, u"999999"_s} + common);
        QTRY_VERIFY_WITH_TIMEOUT(unknown.state() == QProcess::NotRunning, 60000);
        QCOMPARE(unknown.exitCode(), 1);
        QVERIFY(QString::fromUtf8(unknown.readAllStandardError()).contains(u"not in the queue"_s));
    }
};

QTEST_GUILESS_MAIN(TestMonitor)
#include "tst_monitor.moc"
