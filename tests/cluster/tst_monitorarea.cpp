// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Monitor area against the demo cluster, as the window shows it: the cluster's page fills from
// the connection's sampler; a job chosen (as the Jobs area's Monitor button does) is watched, its
// charts fill and the words under them match the figures; a GPU job's page shows its own GPU; its
// start and end reach a real notification server (dunst); screenshots of each page are saved to be
// looked at.
#include "DemoClusterSupport.h"
#include "DemoConnection.h"
#include "ScriptedInteraction.h"
#include "TestSupport.h"
#include "app/monitor/MonitorSampler.h"
#include "app/schedulers/SchedulerClient.h"
#include "notify/DunstSupport.h"
#include "sshcore/ShellQuote.h"
#include "ui/monitor/CategoryChart.h"
#include "ui/monitor/ClusterUseView.h"
#include "ui/monitor/JobUseView.h"
#include "ui/monitor/MonitorArea.h"
#include "ui/monitor/MyJobsView.h"
#include "ui/monitor/TimeChart.h"
#include "ui/notify/DesktopNotifier.h"
#include "ui/screenshots/Screenshot.h"

#include <QComboBox>
#include <QLabel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace testsupport::dunst;
using sshcore::ShellQuote;

class TestMonitorArea : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ScriptedInteraction m_interaction;
    std::unique_ptr<app::ClusterConnection> m_connection;
    std::unique_ptr<ui::DesktopNotifier> m_notifier;
    std::unique_ptr<ui::MonitorArea> m_area;
    QStringList m_jobs;

    sshcore::CommandResult run(const QByteArray &line)
    {
        return testsupport::runCommand(*m_connection->schedulerClient(), line);
    }

    QString submit(const QByteArray &options, const QByteArray &script)
    {
        const auto result = run("cd /tmp && sbatch --parsable -t 5 " + options + " --wrap "
                                + ShellQuote::quote(script));
        if (result.exitStatus != 0)
            return {};
        m_jobs << QString::fromUtf8(result.standardOutput.trimmed()).section(u';', 0, 0);
        return m_jobs.constLast();
    }

    void screenshot(const QString &name)
    {
        QVERIFY_RESULT(ui::saveScreenshot(m_area.get(), QStringLiteral(CLUSTERDESK_SCREENSHOT_DIR "/") + name));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariable("CLUSTERDESK_DUNST_LOG").isEmpty(),
                 "run this through tests/notify/run-with-dunst");
        QStandardPaths::setTestModeEnabled(true);
        const auto cluster = app::DemoCluster::load(app::DemoCluster::defaultFilePath());
        QVERIFY_RESULT(cluster);
        m_connection = testsupport::openDemoConnection(*cluster, m_dir.filePath(u"ssh_config"_s), &m_interaction, true);
        QVERIFY(m_connection);
        QVERIFY2(m_connection->schedulerClient()->isReady(), qPrintable(m_connection->message()));
        m_connection->monitor()->setInterval(2s);
        m_notifier = std::make_unique<ui::DesktopNotifier>();
        m_area = std::make_unique<ui::MonitorArea>();
        m_area->setNotifier(m_notifier.get());
        m_area->resize(1280, 900);
        m_area->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_area.get()));
        m_area->setConnection(m_connection.get());
    }

    void cleanupTestCase()
    {
        if (m_connection && !m_jobs.isEmpty())
            run("scancel " + m_jobs.join(u' ').toUtf8() + " >/dev/null 2>&1");
        m_area.reset();
    }

    void clusterPage()
    {
        m_area->showPage(ui::MonitorArea::ClusterPage);
        ui::ClusterUseView *view = m_area->clusterView();
        QTRY_VERIFY_WITH_TIMEOUT(view->cpusNow()->categories().contains(u"cpu"_s), 30000);
        QCOMPARE(view->cpusNow()->categories(), (QStringList{u"cpu"_s, u"gpu"_s}));
        QVERIFY(!view->cpusNow()->isUnavailable());
        QVERIFY(!view->memoryNow()->isUnavailable());
        QVERIFY(!view->gpusNow()->isUnavailable());
        // node01's two GPUs, in both partitions' totals.
        const ui::ChartTable gpus = view->gpusNow()->table();
        double total = 0;
        for (const QString &cell : gpus.rows.value(1).mid(1))
            total += cell.toDouble();
        QCOMPARE(total, 2.0);
        const QString held = submit("-H -c 1 -J tst-monitorarea-held", "true");
        QVERIFY(!held.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(view->queueOverTime()->table().rows.size() >= 4, 30000);
        QTest::qWait(300);
        screenshot(u"monitor-cluster.png"_s);
    }

    void aJobFromStartToEnd()
    {
        // Pending first (held), then released: its start and its end are told.
        const QString id = submit("-H -c 2 --mem=512M -J tst-monitorarea-train",
                                  "python3 -c 'import time; b = bytearray(200 * 1024 * 1024); "
                                  "b[::4096] = b\"x\" * len(b[::4096]); time.sleep(14)' & "
                                  "timeout 14 sh -c 'while :; do :; done'; wait");
        QVERIFY(!id.isEmpty());
        m_area->showJob(id);
        QCOMPARE(m_area->shownJob(), id);
        QTRY_COMPARE_WITH_TIMEOUT(m_area->jobPicker()->currentData().toString(), id, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(m_connection->monitor()->track(id)
                                     && m_connection->monitor()->track(id)->job.state == app::JobState::Held,
                                 30000);
        run("scontrol release " + id.toUtf8());
        ui::JobUseView *view = m_area->jobView();
        QTRY_VERIFY_WITH_TIMEOUT(!view->coresChart()->isUnavailable() && !view->memoryChart()->isUnavailable()
                                     && view->coresChart()->lines().value(0).series.size() >= 3,
                                 60000);
        QCOMPARE(view->gpuChart()->unavailableReason(), u"This job has no GPU."_s);
        QVERIFY(view->memoryChart()->lines().size() == 2); // and the limit, dashed
        QVERIFY(view->memoryChart()->lines().at(1).dashed);
        QVERIFY2(!view->words().isEmpty(), "no words under the charts");
        screenshot(u"monitor-job-live.png"_s);

        const QString startTitle = u"Job %1 (tst-monitorarea-train) started"_s.arg(id);
        QTRY_VERIFY_WITH_TIMEOUT(!receivedWith(startTitle).isEmpty(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!receivedWith(u"Job %1 (tst-monitorarea-train): completed"_s.arg(id)).isEmpty(),
                                 120000);
        // Afterwards: the same charts, and the words of the whole run.
        QVERIFY(!view->coresChart()->isUnavailable());
        QTRY_VERIFY_WITH_TIMEOUT(view->words().join(u'\n').contains(u"memory peaked at"_s), 30000);
        screenshot(u"monitor-job-after.png"_s);
    }

    void aGpuJob()
    {
        const QString id = submit("-p gpu --gres=gpu:h100:1 -c 1 --mem=256M -J tst-monitorarea-gpu", "sleep 40");
        QVERIFY(!id.isEmpty());
        m_area->showJob(id);
        ui::JobUseView *view = m_area->jobView();
        QTRY_VERIFY_WITH_TIMEOUT(!view->gpuChart()->isUnavailable()
                                     && view->gpuChart()->lines().value(0).series.size() >= 3,
                                 90000);
        QCOMPARE(view->gpuChart()->lines().size(), 1); // its own GPU only
        QCOMPARE(view->gpuMemoryChart()->lines().size(), 1);
        QVERIFY(view->words().join(u'\n').contains(u"GPU"_s));
        screenshot(u"monitor-job-gpu.png"_s);
        run("scancel " + id.toUtf8());
    }

    void myJobsPage()
    {
        m_area->showPage(ui::MonitorArea::MyJobsPage);
        ui::MyJobsView *view = m_area->myJobsView();
        QTRY_VERIFY_WITH_TIMEOUT(!view->efficiencyChart()->isUnavailable()
                                     && !view->efficiencyChart()->categories().isEmpty(),
                                 60000);
        QVERIFY(!view->waitChart()->isUnavailable());
        QVERIFY(!view->outliers().isEmpty());
        QTest::qWait(300);
        screenshot(u"monitor-myjobs.png"_s);
    }
};

QTEST_MAIN(TestMonitorArea)
#include "tst_monitorarea.moc"
