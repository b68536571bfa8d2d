// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Terminals area as a person uses it, on the demo cluster, with the real terminal widget typed
// into and read back: a shell on the login node (TERM, the widget's size as the PTY's, a resize),
// 100 MiB of output with the window's event loop turning, a shell in a folder with a hostile name,
// a shell kept in tmux that a reopened tab reattaches to, an interactive allocation on the gpu
// partition through real Slurm (SLURM_JOB_ID and CUDA_VISIBLE_DEVICES set; closing the tab ends it),
// a shell on a running batch job's node that sees the job's processes, and all of that through the
// bastion and for bob, whose second factor is asked once. Screenshots: terminal-light.png,
// terminal-dark.png, terminal-allocation-form.png, terminal-allocation.png.

#include "DemoClusterSupport.h"
#include "DemoConnection.h"
#include "GuiTestSupport.h"
#include "ScriptedInteraction.h"
#include "TestSupport.h"
#include "app/schedulers/SchedulerClient.h"
#include "app/terminal/InteractiveAllocation.h"
#include "sshcore/ShellQuote.h"
#include "sshcore/SshCommand.h"
#include "ui/screenshots/Screenshot.h"
#include "ui/terminal/InteractiveForm.h"
#include "ui/terminal/TerminalArea.h"
#include "ui/terminal/TerminalScreen.h"
#include "ui/terminal/TerminalView.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyleHints>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using sshcore::SshConnectionState;
using AllocationState = app::InteractiveAllocation::State;

namespace {

// The widget that takes the keys: QTermWidget's display (Konsole's TerminalDisplay).
QWidget *displayOf(ui::TerminalView *view)
{
    for (QWidget *child : view->findChildren<QWidget *>()) {
        if (child->inherits("Konsole::TerminalDisplay"))
            return child;
    }
    return nullptr;
}

// Types a line into the terminal as a person would, and presses Return.
void typeLine(ui::TerminalView *view, const QString &line)
{
    QWidget *display = displayOf(view);
    QVERIFY(display);
    QTest::keyClicks(display, line);
    QTest::keyClick(display, Qt::Key_Return);
}

bool running(ui::TerminalView *view)
{
    return view->state() == ui::TerminalView::State::Running;
}

} // namespace

class tst_TerminalArea : public QObject
{
    Q_OBJECT

    app::DemoCluster m_cluster;
    ScriptedInteraction m_interaction;
    QTemporaryDir m_dir;
    std::unique_ptr<sshcore::SshConnection> m_oracle; // the test's own view of the cluster
    std::unique_ptr<app::ClusterConnection> m_connection;
    std::unique_ptr<ui::TerminalArea> m_area;

    QByteArray oracle(const QByteArray &command)
    {
        const auto result = testsupport::runAndWait(*m_oracle, {"sh", "-c", command});
        return result ? result->standardOutput : "<failed: " + result.error().message.toUtf8() + '>';
    }

    // What the terminal shows below the last line that contains marker's first part: commands print a
    // marker built at run time ("ab""cd" typed, "abcd" shown), so the typed line never matches.
    static QString after(ui::TerminalView *view, const QString &marker)
    {
        const QString text = view->screen()->text();
        const qsizetype at = text.lastIndexOf(marker);
        return at < 0 ? QString() : text.mid(at + marker.size());
    }

    int visibleTabs() const
    {
        int shown = 0;
        for (int i = 0; i < m_area->tabs()->count(); ++i)
            shown += m_area->tabs()->isTabVisible(i) ? 1 : 0;
        return shown;
    }

    void screenshot(const QString &name)
    {
        QVERIFY_RESULT(ui::saveScreenshot(m_area.get(), QStringLiteral(CLUSTERDESK_SCREENSHOT_DIR "/") + name));
    }

    // Opens a shell and waits for its prompt to take commands.
    ui::TerminalView *ready(ui::TerminalView *view)
    {
        if (!view)
            return nullptr;
        if (!QTest::qWaitFor([&] { return running(view) || view->state() == ui::TerminalView::State::Ended; }, 60000))
            return nullptr;
        return running(view) ? view : nullptr;
    }

    // Runs a command line in the terminal and returns what it printed between two markers.
    QString run(ui::TerminalView *view, const QString &command, int timeoutMs = 30000)
    {
        static int serial = 0;
        const QString tag = u"M%1K"_s.arg(++serial);
        // "echo BEGIN""tag" prints BEGINtag while the echoed command line shows BEGIN"tag"
        typeLine(view, u"echo BEG'IN'%1; %2; echo EN'D'%1"_s.arg(tag, command));
        const QString begin = u"BEGIN"_s + tag;
        const QString end = u"END"_s + tag;
        if (!QTest::qWaitFor([&] { return view->screen()->text().contains(end); }, timeoutMs))
            return u"<no end marker; screen: "_s + view->screen()->text().right(600) + u'>';
        const QString text = view->screen()->text();
        const qsizetype from = text.lastIndexOf(begin);
        const qsizetype to = text.lastIndexOf(end);
        return from < 0 || to < from ? QString() : text.mid(from + begin.size(), to - from - begin.size()).trimmed();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // presets in a test folder, not the person's
        const auto cluster = app::DemoCluster::load(app::DemoCluster::defaultFilePath());
        QVERIFY_RESULT(cluster);
        m_cluster = *cluster;
        m_oracle = testsupport::connectAs(m_cluster, u"alice"_s, &m_interaction);
        QVERIFY2(m_oracle->state() == SshConnectionState::Connected, qPrintable(m_oracle->stateMessage()));
        m_connection = testsupport::openDemoConnection(m_cluster, m_dir.filePath(u"ssh_config"_s), &m_interaction,
                                                       true);
        QVERIFY2(m_connection->schedulerClient()->isReady(), qPrintable(m_connection->message()));
        m_area = std::make_unique<ui::TerminalArea>();
        m_area->resize(1100, 640);
        m_area->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_area.get()));
        m_area->setConnection(m_connection.get());
    }

    void loginShell()
    {
        ui::TerminalView *view = ready(m_area->openLoginShell());
        QVERIFY(view);
        QCOMPARE(m_area->tabs()->count(), 1);
        QVERIFY(m_area->tabs()->tabText(0).contains(m_connection->profile().name));
        QCOMPARE(run(view, u"echo $TERM"_s), u"xterm-256color"_s);
        QTRY_VERIFY(view->screen()->columns() > 20);
        QCOMPARE(run(view, u"tput cols"_s), QString::number(view->screen()->columns()));
        QCOMPARE(run(view, u"tput lines"_s), QString::number(view->screen()->rows()));
        // A narrower window: the PTY follows the widget.
        const int before = view->screen()->columns();
        m_area->resize(760, 640);
        QTRY_VERIFY(view->screen()->columns() < before);
        QTRY_COMPARE(run(view, u"tput cols"_s), QString::number(view->screen()->columns()));
        m_area->resize(1100, 640);
        QTRY_COMPARE(view->screen()->columns(), before);
        // UTF-8 both ways, and 256 colours as the server's tools print them.
        QCOMPARE(run(view, u"printf 'gr\\303\\274\\303\\237e %s\\n' \"$(printf '\\342\\234\\223')\""_s), u"grüße ✓"_s);
        typeLine(view, u"clear; ls -la --color=always /etc | head -n 12; tput setaf 202; echo orange; tput sgr0"_s);
        QTRY_VERIFY(view->screen()->text().contains(u"orange"_s));
        screenshot(u"terminal-light.png"_s);
        // The dark palette: the terminal's colours follow it.
        const QPalette light = QApplication::palette();
        QPalette dark = light;
        dark.setColor(QPalette::Window, QColor(0x23, 0x26, 0x29));
        dark.setColor(QPalette::WindowText, QColor(0xfc, 0xfc, 0xfc));
        dark.setColor(QPalette::Base, QColor(0x1b, 0x1e, 0x20));
        dark.setColor(QPalette::Text, QColor(0xfc, 0xfc, 0xfc));
        dark.setColor(QPalette::Button, QColor(0x31, 0x36, 0x3b));
        dark.setColor(QPalette::ButtonText, QColor(0xfc, 0xfc, 0xfc));
        QApplication::setPalette(dark);
        QTest::qWait(100);
        screenshot(u"terminal-dark.png"_s);
        QApplication::setPalette(light);
    }

    // 100 MiB through the terminal: it all arrives (flow control loses nothing) and the window's event
    // loop goes on turning meanwhile (the benchmark prints the longest gap).
    void bigOutputKeepsTheWindowAlive()
    {
        ui::TerminalView *view = qobject_cast<ui::TerminalView *>(m_area->tabs()->currentWidget());
        QVERIFY(view && running(view));
        int ticks = 0;
        QTimer tick;
        connect(&tick, &QTimer::timeout, this, [&] { ++ticks; });
        tick.start(10ms);
        // Watched in the stream (reading the whole screen back while it scrolls would itself load the
        // window): the end marker comes after every byte of the output, in order.
        QByteArray tail;
        qint64 bytes = 0;
        bool ended = false;
        QObject scope; // the connection ends with this function (its lambda reads these locals)
        connect(view, &ui::TerminalView::output, &scope, [&](const QByteArray &chunk) {
            bytes += chunk.size();
            tail = QByteArray(tail + chunk).right(256);
            ended = ended || tail.contains("BIGEND");
        });
        QElapsedTimer clock;
        clock.start();
        typeLine(view, u"head -c 104857600 /dev/zero | tr '\\0' 'x' | fold -w 120; echo BIG'END'"_s);
        QTRY_VERIFY_WITH_TIMEOUT(ended, 600000);
        QVERIFY2(bytes > 104857600, QByteArray::number(bytes).constData());
        const qint64 elapsed = clock.elapsed();
        qInfo("100 MiB through the terminal in %lld ms; the 10 ms timer ticked %d times",
              static_cast<long long>(elapsed), ticks);
        QVERIFY2(ticks > elapsed / 10 / 4, "the window's event loop hardly ran while the output scrolled");
    }

    void inAFolderWithAHostileName()
    {
        const QByteArray folder = "/tmp/clusterdesk terminal 'it''s' $(touch pwned) ;x";
        const QByteArray quoted = sshcore::ShellQuote::quote(folder);
        QCOMPARE(oracle("rm -rf /tmp/clusterdesk\\ terminal* && mkdir -p -- " + quoted + " && echo made"),
                 QByteArray("made\n"));
        ui::TerminalView *view = ready(m_area->openInFolder(QString::fromUtf8(folder)));
        QVERIFY(view);
        QCOMPARE(run(view, u"pwd"_s), QString::fromUtf8(folder));
        QVERIFY(oracle("ls /tmp/clusterdesk\\ terminal* 2>&1; ls ~/pwned 2>/dev/null").indexOf("pwned") < 0);
        m_area->closeTab(view, true);
        QTRY_COMPARE(m_area->views().size(), 1);
    }

    // Kept in tmux: the tab that lost its shell reattaches to the same shell when reopened.
    void keptInTmuxReattaches()
    {
        auto *keep = m_area->findChild<QCheckBox *>(u"keepInMultiplexer"_s);
        QVERIFY(keep);
        QTRY_VERIFY(keep->isEnabled());
        keep->setChecked(true);
        QTest::qWait(1500); // the login node's multiplexers were asked for when the cluster was set
        ui::TerminalView *view = ready(m_area->openLoginShell());
        QVERIFY(view);
        QVERIFY2(!view->launch().keptSession.isEmpty(), "tmux on the demo login node was not found");
        QVERIFY(view->findChild<QLabel *>(u"terminalStatus"_s)->text().contains(u"tmux"_s));
        typeLine(view, u"export KEPT=still-here"_s);
        const QString session = view->launch().keptSession;
        QTRY_VERIFY(oracle("tmux ls 2>&1").contains(session.toUtf8()));
        view->hangUp(); // as a dropped link would: the tmux client goes, the session stays
        QTRY_COMPARE(view->state(), ui::TerminalView::State::Ended);
        auto *reopen = view->findChild<QPushButton *>(u"terminalReopen"_s);
        QVERIFY(reopen->isVisible() && reopen->isEnabled());
        QTest::mouseClick(reopen, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(running(view), 30000);
        QVERIFY(view->findChild<QLabel *>(u"terminalStatus"_s)->text().contains(u"reattached"_s));
        QCOMPARE(run(view, u"echo $KEPT"_s), u"still-here"_s);
        keep->setChecked(false);
        m_area->closeTab(view, true);
        oracle("tmux kill-session -t " + session.toUtf8());
    }

    // Through the form, as a person does: the fields, a preset saved and chosen again, Start.
    void interactiveAllocationOnTheGpuPartition()
    {
        m_area->showAllocationForm();
        auto *form = m_area->findChild<ui::InteractiveForm *>();
        QVERIFY(form && form->isVisible());
        auto *partition = form->findChild<QComboBox *>(u"partition"_s);
        QTRY_VERIFY_WITH_TIMEOUT(partition->count() > 1, 30000); // the cluster's partitions
        auto *start = form->findChild<QPushButton *>(u"startAllocation"_s);
        form->findChild<QLineEdit *>(u"time"_s)->setText(u"soon"_s);
        QVERIFY(!start->isEnabled()); // a time the scheduler cannot read: nothing is sent
        QVERIFY(form->findChild<QLabel *>(u"allocationProblem"_s)->text().contains(u"2:00:00"_s));
        partition->setEditText(u"gpu"_s);
        form->findChild<QLineEdit *>(u"time"_s)->setText(u"00:10:00"_s);
        form->findChild<QSpinBox *>(u"gpuCount"_s)->setValue(1);
        form->findChild<QLineEdit *>(u"memory"_s)->setText(u"200M"_s);
        QVERIFY(start->isEnabled());
        // Saved as a preset, then the form changed, then the preset chosen: the form is as saved.
        QTest::mouseClick(form->findChild<QPushButton *>(u"savePreset"_s), Qt::LeftButton);
        QInputDialog *name = nullptr;
        QTRY_VERIFY((name = form->findChild<QInputDialog *>(u"presetName"_s)) && name->isVisible());
        name->setTextValue(u"one GPU, 10 min"_s);
        name->accept();
        auto *presets = form->findChild<QComboBox *>(u"presets"_s);
        QTRY_COMPARE(presets->currentText(), u"one GPU, 10 min"_s);
        partition->setEditText(u"cpu"_s);
        form->findChild<QSpinBox *>(u"gpuCount"_s)->setValue(0);
        presets->setCurrentIndex(presets->findText(u"one GPU, 10 min"_s));
        Q_EMIT presets->activated(presets->currentIndex());
        QCOMPARE(form->request().partition, u"gpu"_s);
        QCOMPARE(form->request().gpus, u"1"_s);
        QCOMPARE(form->request().timeLimit, u"00:10:00"_s);
        screenshot(u"terminal-allocation-form.png"_s);
        const int tabs = m_area->views().size();
        QTest::mouseClick(start, Qt::LeftButton);
        QTRY_COMPARE(m_area->views().size(), tabs + 1);
        auto *view = qobject_cast<ui::TerminalView *>(m_area->tabs()->currentWidget());
        QVERIFY(view);
        app::InteractiveAllocation *allocation = m_area->allocationOf(view);
        QVERIFY(allocation);
        QTRY_VERIFY2_WITH_TIMEOUT(allocation->state() == AllocationState::Running
                                      || allocation->state() == AllocationState::Refused
                                      || allocation->state() == AllocationState::Ended,
                                  qPrintable(view->screen()->text().right(800)), 120000);
        QVERIFY2(allocation->state() == AllocationState::Running,
                 qPrintable(allocation->message() + u"\n"_s + view->screen()->text().right(800)));
        const QString jobId = allocation->jobId();
        QVERIFY(!jobId.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(running(view), 30000);
        QTest::qWait(1000); // the shell on the node starts after salloc said so
        QCOMPARE(run(view, u"echo $SLURM_JOB_ID"_s), jobId);
        const QString devices = run(view, u"echo gpus=$CUDA_VISIBLE_DEVICES"_s);
        QVERIFY2(QRegularExpression(u"^gpus=[0-9]+$"_s).match(devices).hasMatch(), qPrintable(devices));
        QTRY_VERIFY(view->findChild<QLabel *>(u"terminalNote"_s)->text().contains(u"left"_s));
        screenshot(u"terminal-allocation.png"_s);
        QVERIFY(oracle("squeue -h -j " + jobId.toUtf8() + " -o %T").contains("RUNNING"));
        // Closing the tab ends the allocation: the scheduler no longer lists it.
        m_area->closeTab(view, true);
        QTRY_VERIFY_WITH_TIMEOUT(oracle("squeue -h -j " + jobId.toUtf8() + " -o %T 2>/dev/null").trimmed().isEmpty(),
                                 60000);
    }

    void onARunningJobsNode()
    {
        const QByteArray submitted = oracle("cd /tmp && sbatch --parsable -p cpu -t 5 --mem=100M "
                                            "--wrap 'sleep 311'");
        const QString jobId = QString::fromUtf8(submitted).trimmed().section(u';', 0, 0);
        QVERIFY2(!jobId.isEmpty() && jobId.front().isDigit(), submitted.constData());
        QTRY_VERIFY2_WITH_TIMEOUT(
            oracle("squeue -h -j " + jobId.toUtf8() + " -o %T").contains("RUNNING"),
            oracle("squeue -h -j " + jobId.toUtf8() + " -o '%T %r'; sacct -n -j " + jobId.toUtf8()).constData(), 60000);
        const QString nodes = QString::fromUtf8(oracle("squeue -h -j " + jobId.toUtf8() + " -o %N")).trimmed();
        ui::TerminalView *view = ready(m_area->openOnJobNode(jobId, nodes));
        QVERIFY(view);
        QVERIFY(m_area->tabs()->tabText(m_area->tabs()->currentIndex()).contains(jobId));
        QTest::qWait(1000);
        QCOMPARE(run(view, u"echo $SLURM_JOB_ID"_s), jobId);
        QVERIFY(run(view, u"ps -u $USER -o args"_s).contains(u"sleep 311"_s));
        m_area->closeTab(view, true);
        oracle("scancel " + jobId.toUtf8());
        // The job itself was not touched by closing its terminal until cancelled here.
        QTRY_VERIFY_WITH_TIMEOUT(oracle("squeue -h -j " + jobId.toUtf8() + " 2>/dev/null").trimmed().isEmpty(), 60000);
    }

    // bob through the bastion: his TOTP code is asked once, for the login, and never for the
    // terminals, the allocation or the job's node.
    void bobThroughTheBastionAskedOnce()
    {
        const QString config = m_dir.filePath(u"bastion_ssh_config"_s);
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(u"Host demo-bastion\n  HostName %1\n  Port %2\n  User alice\n  IdentityFile %3\n"
                   "  UserKnownHostsFile %4\n  StrictHostKeyChecking yes\n"_s.arg(m_cluster.host)
                       .arg(m_cluster.bastionPort)
                       .arg(m_cluster.user(u"alice"_s)->keyPath, m_cluster.knownHostsPath)
                       .toUtf8());
        file.close();
        app::Profile profile = app::ClusterListModel::demoProfile(m_cluster);
        profile.user = u"bob"_s;
        profile.keyFile = m_cluster.user(u"bob"_s)->keyPath;
        profile.jumpHosts = {u"demo-bastion"_s};
        // Back to alice's cluster however this ends (before bob's connection goes).
        const auto backToAlice = qScopeGuard([this] { m_area->setConnection(m_connection.get()); });
        std::unique_ptr<ScriptedInteraction> bob;
        std::unique_ptr<app::ClusterConnection> connection;
        // pam_oath takes each code once: a refused login waits for the next step.
        for (int attempt = 0; attempt < 3; ++attempt) {
            bob = std::make_unique<ScriptedInteraction>();
            bob->totpSecretHex = m_cluster.user(u"bob"_s)->totpSecretHex;
            bob->totpStepOffset = 2;
            connection = std::make_unique<app::ClusterConnection>(profile, config, bob.get(), nullptr);
            connection->open();
            QTRY_VERIFY_WITH_TIMEOUT(connection->schedulerClient()->isReady()
                                         || connection->state() == SshConnectionState::Failed,
                                     60000);
            if (connection->schedulerClient()->isReady())
                break;
            const qint64 step = QDateTime::currentSecsSinceEpoch() / 30;
            QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentSecsSinceEpoch() / 30 > step, 35000);
        }
        QVERIFY2(connection->schedulerClient()->isReady(), qPrintable(connection->message()));
        QCOMPARE(bob->keyboardQuestions.size(), 1);
        m_area->setConnection(connection.get());
        QCOMPARE(visibleTabs(), 0); // alice's tabs are hers: not shown for bob's cluster

        ui::TerminalView *shell = ready(m_area->openLoginShell());
        QVERIFY(shell);
        QCOMPARE(run(shell, u"whoami"_s), u"bob"_s);

        app::InteractiveRequest request;
        request.partition = u"cpu"_s;
        request.timeLimit = u"00:05:00"_s;
        request.memory = u"100M"_s;
        ui::TerminalView *allocated = m_area->openAllocation(request);
        QVERIFY(allocated);
        app::InteractiveAllocation *allocation = m_area->allocationOf(allocated);
        QTRY_VERIFY_WITH_TIMEOUT(allocation->state() == AllocationState::Running
                                     || allocation->state() == AllocationState::Refused,
                                 120000);
        QCOMPARE(allocation->state(), AllocationState::Running);
        const QString jobId = allocation->jobId();
        QTRY_VERIFY_WITH_TIMEOUT(running(allocated), 30000);
        QTest::qWait(1000);
        QCOMPARE(run(allocated, u"echo $SLURM_JOB_ID"_s), jobId);

        // The job's node, beside the allocation's own shell.
        ui::TerminalView *onNode = ready(m_area->openOnJobNode(jobId, allocation->node()));
        QVERIFY(onNode);
        QTest::qWait(1000);
        QCOMPARE(run(onNode, u"echo $SLURM_JOB_ID"_s), jobId);

        m_area->closeTab(onNode, true);
        m_area->closeTab(allocated, true);
        m_area->closeTab(shell, true);
        QTRY_VERIFY_WITH_TIMEOUT(oracle("squeue -h -j " + jobId.toUtf8() + " 2>/dev/null").trimmed().isEmpty(), 60000);
        QCOMPARE(bob->keyboardQuestions.size(), 1);
        m_area->setConnection(m_connection.get());
        QVERIFY(visibleTabs() >= 1); // alice's login shell is back in view
    }

    // The link drops under a running allocation (the sshd serving this connection is killed, as when
    // a laptop's network goes): the tab says so, and the scheduler no longer lists the job: the
    // allocation's command got the hang-up and gave the node back. Nothing is left holding a node.
    void droppedLinkEndsTheAllocation()
    {
        app::InteractiveRequest request;
        request.partition = u"cpu"_s;
        request.timeLimit = u"00:05:00"_s;
        request.memory = u"100M"_s;
        ui::TerminalView *view = m_area->openAllocation(request);
        QVERIFY(view);
        app::InteractiveAllocation *allocation = m_area->allocationOf(view);
        QTRY_VERIFY_WITH_TIMEOUT(allocation->state() == AllocationState::Running, 120000);
        const QString jobId = allocation->jobId();
        QTRY_VERIFY_WITH_TIMEOUT(running(view), 30000);
        auto *kill = m_connection->ssh()->runShell("kill -9 $PPID; sleep 5", {}, this);
        connect(kill, &sshcore::SshCommand::finished, kill, &QObject::deleteLater);
        QTRY_COMPARE_WITH_TIMEOUT(view->state(), ui::TerminalView::State::Ended, 30000);
        QVERIFY2(view->findChild<QLabel *>(u"terminalStatus"_s)->text().contains(u"dropped"_s),
                 qPrintable(view->findChild<QLabel *>(u"terminalStatus"_s)->text()));
        QTRY_VERIFY_WITH_TIMEOUT(
            oracle("squeue -h -j " + jobId.toUtf8() + " -t PD,R,CG 2>/dev/null").trimmed().isEmpty(), 90000);
        // The connection comes back by itself; the tab offers to reopen.
        QTRY_VERIFY_WITH_TIMEOUT(m_connection->ssh()->state() == SshConnectionState::Connected, 60000);
        QTRY_VERIFY(view->findChild<QPushButton *>(u"terminalReopen"_s)->isEnabled());
        m_area->closeTab(view, true);
    }

    void cleanupTestCase()
    {
        if (m_oracle) // nothing left running on the cluster, whatever failed above
            oracle("scancel -u $(id -un); tmux kill-server 2>/dev/null; true");
        m_area.reset();
        m_connection.reset();
    }

    // Quitting ends every allocation: the window's last act hangs the terminals up.
    void quittingEndsAllocations()
    {
        app::InteractiveRequest request;
        request.partition = u"cpu"_s;
        request.timeLimit = u"00:05:00"_s;
        request.memory = u"100M"_s;
        ui::TerminalView *view = m_area->openAllocation(request);
        QVERIFY(view);
        app::InteractiveAllocation *allocation = m_area->allocationOf(view);
        QTRY_VERIFY_WITH_TIMEOUT(allocation->state() == AllocationState::Running, 120000);
        const QString jobId = allocation->jobId();
        QCOMPARE(m_area->allocationsRunning().size(), 1);
        m_area.reset(); // as the window goes when the app quits
        QTRY_VERIFY_WITH_TIMEOUT(oracle("squeue -h -j " + jobId.toUtf8() + " 2>/dev/null").trimmed().isEmpty(), 60000);
    }
};

QTEST_MAIN(tst_TerminalArea)
#include "tst_terminalarea.moc"
