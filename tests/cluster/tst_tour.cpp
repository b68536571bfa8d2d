// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// A tour of the whole main window (1280x800, the light palette) on the demo cluster, as a researcher
// uses it in the first hour, checking at each stop what the area shows and saving the pictures the
// AppStream metainfo and the README use (tour-*.png in the screenshot folder; the chosen ones are
// copied to packaging/screenshots/):
// - Files: a project on both sides, a finished upload and a data set paused part way in the queue;
// - Jobs: a job script on this computer opened as `clusterdesk FILE` does, its pickers filled from
//   the cluster, submitted as it is; the queue with running, pending and held jobs, one's output;
// - Terminals: a login shell with sinfo and squeue;
// - Monitor: a running job's cores and memory over time, and the words under them;
// - Jupyter: started from the form on a compute node, ready, with its address.

#include "DemoClusterSupport.h"
#include "GuiTestSupport.h"
#include "TestSupport.h"
#include "app/clusters/ClusterListModel.h"
#include "app/connections/ClusterConnection.h"
#include "app/jobs/JobListModel.h"
#include "app/jupyter/JupyterSession.h"
#include "app/locale/Translations.h"
#include "app/monitor/MonitorSampler.h"
#include "app/profiles/ProfileStore.h"
#include "app/schedulers/SchedulerClient.h"
#include "app/transfers/TransferQueue.h"
#include "sshcore/ShellQuote.h"
#include "ui/files/FileViews.h"
#include "ui/files/FilesArea.h"
#include "ui/files/TransferPanel.h"
#include "ui/jobs/JobScriptEditor.h"
#include "ui/jobs/JobScriptForm.h"
#include "ui/jobs/JobsArea.h"
#include "ui/jupyter/JupyterArea.h"
#include "ui/mainwindow/AreaTabs.h"
#include "ui/mainwindow/ClusterSidebar.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/monitor/JobUseView.h"
#include "ui/monitor/MonitorArea.h"
#include "ui/monitor/TimeChart.h"
#include "ui/screenshots/Screenshot.h"
#include "ui/terminal/TerminalArea.h"
#include "ui/terminal/TerminalScreen.h"
#include "ui/terminal/TerminalView.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyle>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <tuple>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using app::TransferQueue;
using sshcore::ShellQuote;

namespace {

const QByteArray remoteProject = "/home/alice/projects/resnet-study";

const QByteArray trainScript = "#!/bin/bash\n"
                               "#SBATCH --job-name=resnet-train\n"
                               "#SBATCH --partition=gpu\n"
                               "#SBATCH --gres=gpu:h100:1\n"
                               "#SBATCH --cpus-per-task=2\n"
                               "#SBATCH --mem=4G\n"
                               "#SBATCH --time=04:00:00\n"
                               "#SBATCH --output=%x-%j.out\n"
                               "\n"
                               "module load python/3.13\n"
                               "source ~/venvs/torch/bin/activate\n"
                               "srun python train.py --epochs 90 --data data/imagenet\n";

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

QModelIndex rowNamed(QTreeView *view, const QString &name)
{
    return view->model()
        ->match(view->model()->index(0, 0, view->rootIndex()), Qt::DisplayRole, name, 1, Qt::MatchExactly)
        .value(0);
}

// The widget of a terminal that takes the keys: QTermWidget's display.
QWidget *displayOf(ui::TerminalView *view)
{
    for (QWidget *child : view->findChildren<QWidget *>()) {
        if (child->inherits("Konsole::TerminalDisplay"))
            return child;
    }
    return nullptr;
}

} // namespace

class tst_Tour : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<app::ProfileStore> m_store;
    std::unique_ptr<ui::MainWindow> m_window;
    app::ClusterConnection *m_connection = nullptr;
    QString m_local;
    QString m_trainJob; // running, watched by the Monitor
    app::JupyterSession *m_jupyter = nullptr;

    sshcore::CommandResult run(const QByteArray &line)
    {
        return testsupport::runCommand(*m_connection->schedulerClient(), line);
    }

    QString submit(const QByteArray &options, const QByteArray &script)
    {
        const auto result = run("cd " + remoteProject + " && sbatch --parsable " + options + " --wrap "
                                + ShellQuote::quote(script));
        return result.exitStatus == 0 ? QString::fromUtf8(result.standardOutput.trimmed()).section(u';', 0, 0)
                                      : QString();
    }

    void show(ui::AreaTabs::Area area)
    {
        m_window->areas()->setCurrentIndex(area);
        QTest::qWait(400); // laid out and painted
    }

    void screenshot(const QString &name)
    {
        QVERIFY_RESULT(ui::saveScreenshot(m_window.get(), QStringLiteral(CLUSTERDESK_SCREENSHOT_DIR "/") + name));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QApplication::setStyle(u"Fusion"_s);
        QApplication::setPalette(QApplication::style()->standardPalette());         // light, whatever the system's
        app::installTranslations(QLocale(QLocale::English, QLocale::UnitedStates)); // "1 file", as users see it
        const auto cluster = app::DemoCluster::load(app::DemoCluster::defaultFilePath());
        QVERIFY_RESULT(cluster);
        QVERIFY(writeFile(m_dir.filePath(u"ssh_config"_s), ""));
        m_store = std::make_unique<app::ProfileStore>(m_dir.filePath(u"profiles.json"_s));
        (void)m_store->load();
        // Two more clusters the researcher has (not connected here), as the sidebar shows them.
        for (const auto &[name, host, user, scheduler] :
             {std::tuple{u"Hawk"_s, u"hawklogin.cf.ac.uk"_s, u"c.c1234567"_s, app::Profile::Scheduler::Slurm},
              std::tuple{u"DTU HPC"_s, u"login1.hpc.dtu.dk"_s, u"s123456"_s, app::Profile::Scheduler::Lsf}}) {
            app::Profile profile;
            profile.name = name;
            profile.host = host;
            profile.user = user;
            profile.scheduler = scheduler;
            QVERIFY_RESULT(m_store->add(profile));
        }
        m_window = std::make_unique<ui::MainWindow>(m_store.get(), nullptr,
                                                    ui::MainWindow::Options{app::DemoCluster::defaultFilePath(),
                                                                            m_dir.filePath(u"ssh_config"_s)});
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->refresh();
        m_window->tryDemoCluster();
        const QUuid id = m_window->sidebar()->currentId();
        QVERIFY(!id.isNull());
        m_connection = m_window->clusters()->existingConnection(id);
        QVERIFY(m_connection);
        QTRY_VERIFY_WITH_TIMEOUT(m_connection->state() == sshcore::SshConnectionState::Connected
                                     && m_connection->schedulerClient()->isReady(),
                                 30000);
        m_connection->monitor()->setInterval(2s);

        // The project, on this computer and on the cluster.
        m_local = m_dir.filePath(u"resnet-study"_s);
        for (const QString &folder : {u"notebooks"_s, u"data"_s, u"results"_s})
            QVERIFY(QDir().mkpath(m_local + u'/' + folder));
        QVERIFY(writeFile(m_local + u"/train.sbatch"_s, trainScript));
        QVERIFY(writeFile(m_local + u"/train.py"_s, "import torch\n\n# ResNet-50 on a subset of ImageNet\n"));
        QVERIFY(writeFile(m_local + u"/environment.yml"_s, "name: torch\ndependencies:\n  - pytorch\n"));
        QVERIFY(writeFile(m_local + u"/README.md"_s, "# ResNet study\n"));
        QVERIFY(writeFile(m_local + u"/notebooks/explore.ipynb"_s, "{\"cells\": []}\n"));
        QVERIFY(writeFile(m_local + u"/notebooks/plots.ipynb"_s, "{\"cells\": []}\n"));
        // A data set of many files: a transfer that takes a while even over loopback.
        QVERIFY(QDir().mkpath(m_local + u"/data/imagenet-subset"_s));
        const QByteArray image = testsupport::randomBytes(48 * 1024);
        for (int i = 0; i < 3000; ++i)
            QVERIFY(writeFile(m_local + u"/data/imagenet-subset/n%1.JPEG"_s.arg(i, 8, 10, QChar(u'0')), image));
        const auto made = run("rm -rf " + remoteProject + " && mkdir -p " + remoteProject + "/data " + remoteProject
                              + "/results " + remoteProject + "/logs && cd " + remoteProject
                              + " && printf 'import torch\\n' > train.py && printf '# ResNet study\\n' > README.md"
                                " && head -c 3000000 /dev/urandom > results/checkpoint-epoch10.pt"
                                " && printf 'epoch,loss\\n1,6.9\\n' > results/metrics.csv && touch logs/.keep");
        QVERIFY2(made.exitStatus == 0, made.standardError.constData());

        // Started now, looked at last: Jupyter on a compute node.
        ui::JupyterArea *jupyter = m_window->jupyterArea();
        QTRY_VERIFY_WITH_TIMEOUT(jupyter->findChild<QComboBox *>(u"partition"_s)->count() > 1, 30000);
        jupyter->findChild<QLineEdit *>(u"time"_s)->setText(u"02:00:00"_s);
        jupyter->findChild<QLineEdit *>(u"modules"_s)->setText(u"jupyter/2.15"_s);
        jupyter->findChild<QLineEdit *>(u"memory"_s)->setText(u"500M"_s);
        jupyter->findChild<QLineEdit *>(u"workDirectory"_s)->setText(QString::fromUtf8(remoteProject));
        jupyter->findChild<QRadioButton *>(u"notebook"_s)->setChecked(true); // the demo's module has no Lab
        auto *start = jupyter->findChild<QPushButton *>(u"start"_s);
        QVERIFY(start->isEnabled());
        start->click();
        m_jupyter = jupyter->selected();
        QVERIFY(m_jupyter);
        m_jupyter->setPollIntervals(500ms, 200ms, 2000ms);
    }

    void files()
    {
        ui::FilesArea *area = m_window->filesArea();
        area->setLocalFolder(m_local);
        area->setRemoteFolder(remoteProject);
        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(area->remoteView(), u"results"_s).isValid(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(area->localView(), u"train.sbatch"_s).isValid(), 10000);
        TransferQueue *queue = m_connection->transfers();
        queue->setExtraSessions(0);
        // The notebooks go across; the data set is paused part way (it resumes from there).
        area->upload({m_local + u"/notebooks"_s});
        QTRY_VERIFY_WITH_TIMEOUT(queue->jobIds().size() == 1
                                     && queue->job(queue->jobIds().front())->state == TransferQueue::JobState::Finished,
                                 30000);
        // Paused at the first change past a quarter of its files (loopback is fast).
        QMetaObject::Connection pausing = connect(queue, &TransferQueue::jobChanged, this, [queue](int id) {
            const TransferQueue::Progress progress = queue->progress(id);
            if (queue->job(id)->state == TransferQueue::JobState::Running && progress.filesTotal == 3000
                && progress.filesDone > progress.filesTotal / 4)
                queue->pause(id);
        });
        area->upload({m_local + u"/data/imagenet-subset"_s}, remoteProject + "/data");
        QTRY_COMPARE_WITH_TIMEOUT(queue->jobIds().size(), 2, 5000);
        const int big = queue->jobIds().back();
        QTRY_COMPARE_WITH_TIMEOUT(queue->job(big)->state, TransferQueue::JobState::Paused, 60000);
        disconnect(pausing);
        const TransferQueue::Progress paused = queue->progress(big);
        QVERIFY2(paused.filesDone > 750 && paused.filesDone < 3000, qPrintable(QString::number(paused.filesDone)));
        // The panel says the queue waits, not that it is done.
        QTRY_VERIFY(area->transferPanel()->findChild<QLabel *>(u"transferSummary"_s)->text().contains(u"paused"_s));
        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(area->remoteView(), u"notebooks"_s).isValid(), 10000);
        area->localView()->setCurrentIndex(rowNamed(area->localView(), u"data"_s));
        show(ui::AreaTabs::Files);
        QVERIFY(area->isVisible());
        screenshot(u"tour-files.png"_s);
        queue->cancel(big); // its partial copy goes
    }

    void jobScriptFromThisComputer()
    {
        // A baseline that trains meanwhile, for the queue and the Monitor.
        m_trainJob = submit("-c 1 --mem=1G -t 10 -J resnet-baseline -o resnet-baseline-%j.out",
                            "echo 'Loading data/imagenet-subset: 12,811 images in 100 classes'; "
                            "echo 'Model: ResNet-50, 25.6 M parameters, batch size 64'; "
                            "(for e in $(seq 1 90); do echo \"epoch $e/90: loss $(awk -v e=$e "
                            "'BEGIN { printf \"%.3f\", 4.6 / (1 + e / 4) }'), top-1 accuracy "
                            "$(awk -v e=$e 'BEGIN { printf \"%.1f\", 70 * e / (e + 6) }') %\"; sleep 3; done) & "
                            "python3 -c 'import time; b = bytearray(300 * 1024 * 1024); "
                            "b[::4096] = b\"x\" * len(b[::4096]); time.sleep(300)' & "
                            "timeout 300 sh -c 'while :; do :; done'; wait");
        QVERIFY(!m_trainJob.isEmpty());
        ui::JobScriptEditor *editor = m_window->jobsArea()->editor();
        QSignalSpy opened(editor, &ui::JobScriptEditor::fileOpened);
        m_window->openJobScripts({m_local + u"/train.sbatch"_s});
        QVERIFY(opened.wait(10000));
        QCOMPARE(m_window->areas()->currentIndex(), int(ui::AreaTabs::Jobs));
        QVERIFY(editor->isVisible());
        QCOMPARE(editor->filePath(), m_local + u"/train.sbatch"_s);
        QCOMPARE(editor->text(), QString::fromUtf8(trainScript));
        QTRY_COMPARE_WITH_TIMEOUT(editor->form()->partition()->count(), 2, 30000); // from the cluster
        QCOMPARE(editor->form()->partition()->currentData().toString(), u"gpu"_s);
        QVERIFY2(editor->problems().isEmpty(), qPrintable(editor->problems().value(0).message));
        editor->workDirectory()->setText(QString::fromUtf8(remoteProject));
        // When it would start, as the scheduler says, and nothing submitted.
        auto *test = editor->findChild<QPushButton *>(u"testButton"_s);
        test->click();
        QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled(), 60000);
        QVERIFY2(editor->status()->text().contains(u"would start"_s), qPrintable(editor->status()->text()));
        QTest::qWait(300);
        screenshot(u"tour-jobscript.png"_s);

        // Submitted as it is, to the cluster selected; the file on this computer stays as it was.
        QSignalSpy submitted(editor, &ui::JobScriptEditor::submitted);
        editor->findChild<QPushButton *>(u"submitButton"_s)->click();
        QVERIFY2(submitted.wait(60000), qPrintable(editor->status()->text()));
        const QString id = submitted.front().front().toString();
        QVERIFY(!id.isEmpty());
        QVERIFY(run("scontrol show job " + id.toUtf8()).standardOutput.contains("JobName=resnet-train"));
        QCOMPARE(editor->filePath(), m_local + u"/train.sbatch"_s);
    }

    void queue()
    {
        // A preprocessing step that waits for resources, a held one, and an array.
        QVERIFY(!submit("-c 2 -t 30 -J preprocess", "sleep 60").isEmpty());
        QVERIFY(!submit("-H -c 1 -t 20 -J evaluate", "sleep 60").isEmpty());
        QVERIFY(!submit("-a 1-4 -c 1 -t 15 -J sweep-lr", "sleep 60").isEmpty());
        ui::JobsArea *area = m_window->jobsArea();
        area->showPage(ui::JobsArea::QueuePage);
        QTRY_VERIFY_WITH_TIMEOUT(area->model()->rowCount() >= 6, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(area->model()->indexOf(m_trainJob).isValid(), 10000);
        QCOMPARE(app::JobState(area->model()->indexOf(m_trainJob).data(app::JobListModel::StateRole).toInt()),
                 app::JobState::Running);
        area->selectJob(m_trainJob);
        QCOMPARE(area->selectedJob(), m_trainJob);
        QTRY_VERIFY_WITH_TIMEOUT(area->output()->toPlainText().contains(u"epoch 3/90"_s), 30000);
        show(ui::AreaTabs::Jobs);
        screenshot(u"tour-jobs.png"_s);
    }

    void terminal()
    {
        show(ui::AreaTabs::Terminals);
        ui::TerminalView *view = m_window->terminalArea()->openLoginShell();
        QVERIFY(view);
        QTRY_VERIFY_WITH_TIMEOUT(view->state() == ui::TerminalView::State::Running, 60000);
        QWidget *display = displayOf(view);
        QVERIFY(display);
        QTRY_VERIFY_WITH_TIMEOUT(view->screen()->text().contains(u"$ "_s), 20000); // the prompt
        QTest::keyClicks(display, u"cd projects/resnet-study && ls -l results && sinfo && squeue --me"_s);
        QTest::keyClick(display, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(view->screen()->text().contains(u"PARTITION"_s)
                                     && view->screen()->text().contains(u"resnet-b"_s),
                                 20000);
        QTest::qWait(300);
        screenshot(u"tour-terminal.png"_s);
    }

    void monitor()
    {
        ui::MonitorArea *area = m_window->monitorArea();
        show(ui::AreaTabs::Monitor);
        area->showPage(ui::MonitorArea::JobPage);
        area->showJob(m_trainJob);
        ui::JobUseView *view = area->jobView();
        QTRY_VERIFY_WITH_TIMEOUT(!view->coresChart()->isUnavailable() && !view->memoryChart()->isUnavailable()
                                     && view->coresChart()->lines().value(0).series.size() >= 10,
                                 90000);
        QVERIFY(!view->words().isEmpty());
        QTest::qWait(400);
        screenshot(u"tour-monitor.png"_s);
    }

    void jupyter()
    {
        QVERIFY(m_jupyter);
        QTRY_VERIFY_WITH_TIMEOUT(m_jupyter->state() == app::JupyterSession::State::Ready
                                     || m_jupyter->state() == app::JupyterSession::State::Ended,
                                 120000);
        ui::JupyterArea *area = m_window->jupyterArea();
        QCOMPARE(area->findChild<QLabel *>(u"state"_s)->text(), u"Ready"_s);
        QCOMPARE(area->findChild<QLineEdit *>(u"url"_s)->text(), m_jupyter->url().toString());
        QVERIFY(area->findChild<QPushButton *>(u"open"_s)->isEnabled());
        show(ui::AreaTabs::Jupyter);
        screenshot(u"tour-jupyter.png"_s);
    }

    void cleanupTestCase()
    {
        if (m_connection && m_connection->state() == sshcore::SshConnectionState::Connected)
            run("scancel -u alice; rm -rf " + remoteProject);
        if (m_window)
            m_window->terminalArea()->endAll();
        m_window.reset();
        // The desktop notices the window closes on its way out are deleted later (deleteLater),
        // which needs the event loop once more.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
};

QTEST_MAIN(tst_Tour)
#include "tst_tour.moc"
