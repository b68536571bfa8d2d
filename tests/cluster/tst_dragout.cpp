// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Files dragged out of the cluster's pane to the desktop, against the demo cluster over a slow link
// (a relay the test owns, paced): the downloads start with the drag; a drag dropped nowhere cancels
// them and removes its folder; the drop target's question is answered at once with what is complete;
// the rest is shown on its way, with its progress, in a box that blocks nothing, and lands complete
// later; a link cut for good is reported there, the download kept waiting, nothing half-written
// under its name.

#include "DemoClusterSupport.h"
#include "DemoConnection.h"
#include "GuiTestSupport.h"
#include "ScriptedInteraction.h"
#include "TcpRelay.h"
#include "TestSupport.h"
#include "app/clusters/ClusterListModel.h"
#include "app/connections/ClusterConnection.h"
#include "app/demo/DemoCluster.h"
#include "app/transfers/TransferQueue.h"
#include "sshcore/RemotePath.h"
#include "sshcore/sftp/SftpClient.h"
#include "ui/files/DragDownloadBox.h"
#include "ui/files/FileViews.h"
#include "ui/files/FilesArea.h"
#include "ui/screenshots/Screenshot.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QMimeData>
#include <QPushButton>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;
using namespace testsupport;
using app::TransferQueue;
using sshcore::SshConnectionState;

class tst_DragOut : public QObject
{
    Q_OBJECT

    app::DemoCluster m_cluster;
    ScriptedInteraction m_interaction;
    QTemporaryDir m_dir;
    std::unique_ptr<app::ClusterConnection> m_connection; // the test's own, to put files and clean up
    std::unique_ptr<sshcore::SftpClient> m_sftp;
    QByteArray m_remote;

    bool putRemote(const QByteArray &path, const QByteArray &contents)
    {
        const QString local = m_dir.filePath(u"put"_s);
        if (!writeFile(local, contents) || !await<void>([&](QObject *c, auto done) {
                m_sftp->makePath(sshcore::RemotePath::parent(path), c, done);
            }))
            return false;
        return bool(await<quint64>([&](QObject *c, auto done) { m_sftp->upload(local, path, {}, c, done); }));
    }

    // A connection to the demo cluster through relay (a new host to it: its key is accepted once).
    std::unique_ptr<app::ClusterConnection> relayedConnection(TcpRelay &relay, ScriptedInteraction &person)
    {
        app::Profile profile = app::ClusterListModel::demoProfile(m_cluster);
        profile.host = u"127.0.0.1"_s;
        profile.port = relay.port();
        profile.knownHostsFile = m_dir.filePath(u"relay_known_hosts"_s);
        person.hostKeyDecision = ScriptedInteraction::HostKeyDecision::AcceptOnce;
        auto connection = std::make_unique<app::ClusterConnection>(profile, m_dir.filePath(u"ssh_config"_s), &person,
                                                                   nullptr);
        connection->open();
        if (!QTest::qWaitFor(
                [&] { return connection->state() == SshConnectionState::Connected && connection->transfers(); }, 30000))
            return nullptr;
        return connection;
    }

    static QModelIndex rowNamed(ui::FileListView *view, const QString &name)
    {
        const QModelIndexList found = view->model()->match(view->model()->index(0, 0, view->rootIndex()),
                                                           Qt::DisplayRole, name, 1, Qt::MatchExactly);
        return found.value(0);
    }

    static void screenshot(QWidget *widget, const QString &name)
    {
        QVERIFY(QTest::qWaitForWindowExposed(widget));
        QVERIFY_RESULT(ui::saveScreenshot(widget, QStringLiteral(CLUSTERDESK_SCREENSHOT_DIR "/") + name));
    }

private Q_SLOTS:
    void initTestCase()
    {
        const auto cluster = app::DemoCluster::load(app::DemoCluster::defaultFilePath());
        QVERIFY_RESULT(cluster);
        m_cluster = *cluster;
        m_connection = openDemoConnection(m_cluster, m_dir.filePath(u"ssh_config"_s), &m_interaction);
        QVERIFY(m_connection);
        QVERIFY2(m_connection->state() == SshConnectionState::Connected, qPrintable(m_connection->message()));
        m_sftp = std::make_unique<sshcore::SftpClient>(m_connection->ssh());
        m_remote = "/home/alice/tst-dragout-" + QByteArray::number(QRandomGenerator::global()->generate());
    }

    void cleanupTestCase()
    {
        if (m_sftp && !m_remote.isEmpty())
            (void)await<void>([&](QObject *c, auto done) { m_sftp->remove(m_remote, true, c, done); });
    }

    // Dragged out to the desktop over a slow link (a relay the test owns, at 2 MiB/s): the downloads
    // start with the drag; a drag dropped nowhere cancels them and removes its folder; the drop
    // target's question is answered at once, with the small file complete and not the big one, which
    // the box shows on its way, with its progress, and which lands complete later.
    void dragToTheDesktop()
    {
        const QByteArray big = randomBytes(16 << 20);
        QVERIFY(putRemote(m_remote + "/desk/big.bin", big));
        QVERIFY(putRemote(m_remote + "/desk/small.txt", "a small file\n"));
        TcpRelay relay(m_cluster.host, m_cluster.loginPort);
        QVERIFY(relay.listen());
        relay.setPace(2 << 20);
        ScriptedInteraction person;
        const auto connection = relayedConnection(relay, person);
        QVERIFY(connection);
        TransferQueue *queue = connection->transfers();

        ui::FilesArea area;
        area.resize(1200, 760);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        area.setConnection(connection.get());
        area.setRemoteFolder(m_remote + "/desk");
        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(area.remoteView(), u"small.txt"_s).isValid(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(area.remoteView(), u"big.bin"_s).isValid(), 10000);

        // Dropped nowhere: nothing asked for the files.
        std::unique_ptr<QMimeData> nowhere(area.remoteDrag({rowNamed(area.remoteView(), u"big.bin"_s)}));
        QCOMPARE(queue->jobIds().size(), 1);
        const int abandoned = queue->jobIds().first();
        const QString abandonedFolder = queue->job(abandoned)->destination;
        QTRY_VERIFY_WITH_TIMEOUT(queue->progress(abandoned).bytesDone > 0, 20000); // under way
        nowhere.reset();
        QTRY_COMPARE_WITH_TIMEOUT(queue->job(abandoned)->state, TransferQueue::JobState::Cancelled, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(abandonedFolder), 10000);

        // Dropped on the desktop once the small file is there, the big one still on its way.
        QSignalSpy messages(&area, &ui::FilesArea::message);
        std::unique_ptr<QMimeData> drag(
            area.remoteDrag({rowNamed(area.remoteView(), u"small.txt"_s), rowNamed(area.remoteView(), u"big.bin"_s)}));
        QVERIFY(drag && drag->hasFormat(u"text/uri-list"_s));
        QCOMPARE(queue->jobIds().size(), 3);
        const int small = queue->jobIds().at(1);
        const int large = queue->jobIds().at(2);
        QTRY_COMPARE_WITH_TIMEOUT(queue->job(small)->state, TransferQueue::JobState::Finished, 20000);
        QVERIFY(queue->job(large)->state != TransferQueue::JobState::Finished);
        QElapsedTimer asking;
        asking.start();
        const QList<QUrl> urls = drag->urls(); // what a drop target asks, in the middle of its drop
        QVERIFY2(asking.elapsed() < 250, qPrintable(u"answered in %1 ms"_s.arg(asking.elapsed())));
        QCOMPARE(urls.size(), 1);
        QVERIFY(urls.first().isLocalFile());
        const QString folder = QFileInfo(urls.first().toLocalFile()).path();
        QCOMPARE(QFileInfo(urls.first().toLocalFile()).fileName(), u"small.txt"_s);
        QCOMPARE(readFile(urls.first().toLocalFile()), "a small file\n"_ba);
        QVERIFY(!QFileInfo::exists(folder + u"/big.bin"_s)); // only under its hidden temporary name

        auto *box = waitForDialog<ui::DragDownloadBox>(&area, 5000);
        QVERIFY(box);
        QCOMPARE(box->windowModality(), Qt::NonModal);
        QVERIFY(!QApplication::activeModalWidget());
        QCOMPARE(box->folder(), folder);
        QCOMPARE(box->heading(), u"Still downloading for your drop"_s);
        QVERIFY(box->openFolderButton()->isEnabled());
        QVERIFY2(box->text().contains(u"small.txt: 13 bytes, done"_s), qPrintable(box->text()));
        // Its progress, as it goes.
        const QRegularExpression going(u"big\\.bin: ([0-9.]+) MiB of 16\\.0 MiB"_s);
        QTRY_VERIFY2_WITH_TIMEOUT(going.match(box->text()).hasMatch(), qPrintable(box->text()), 10000);
        const double first = going.match(box->text()).captured(1).toDouble();
        QTRY_VERIFY2_WITH_TIMEOUT(going.match(box->text()).captured(1).toDouble() > first, qPrintable(box->text()),
                                  10000);
        QVERIFY(!messages.isEmpty());
        screenshot(box, u"files-drag-still-downloading.png"_s);

        // The drag is over; its downloads go on, and the big file lands complete.
        drag.reset();
        QTRY_COMPARE_WITH_TIMEOUT(queue->job(large)->state, TransferQueue::JobState::Finished, 60000);
        QCOMPARE(readFile(folder + u"/big.bin"_s), big);
        QTRY_COMPARE_WITH_TIMEOUT(box->heading(), u"Everything has arrived"_s, 5000);
        QVERIFY2(box->text().contains(u"big.bin: 16.0 MiB, done"_s), qPrintable(box->text()));
        QTRY_VERIFY(messages.last().first().toString().contains(folder));
        screenshot(box, u"files-drag-arrived.png"_s);
        box->close();
        QVERIFY(closes(box));
        QVERIFY(QFileInfo::exists(folder + u"/big.bin"_s)); // as long as the window
    }

    // Dragged out to the desktop, the link dying for good during the download: the drop target is
    // answered at once, the box says what happened and what to do, the download is not cancelled
    // (it waits for the link), nothing half-written is in the folder under its name, and the window
    // goes on working.
    void dragToTheDesktopWhoseLinkNeverComesBack()
    {
        const QByteArray data = randomBytes(16 << 20);
        QVERIFY(putRemote(m_remote + "/lost/big.bin", data));
        TcpRelay relay(m_cluster.host, m_cluster.loginPort);
        QVERIFY(relay.listen());
        relay.setPace(2 << 20);
        ScriptedInteraction person;
        const auto connection = relayedConnection(relay, person);
        QVERIFY(connection);
        TransferQueue *queue = connection->transfers();

        ui::FilesArea area;
        area.resize(1200, 760);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        area.setConnection(connection.get());
        area.setRemoteFolder(m_remote + "/lost");
        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(area.remoteView(), u"big.bin"_s).isValid(), 10000);
        QSignalSpy messages(&area, &ui::FilesArea::message);
        std::unique_ptr<QMimeData> drag(area.remoteDrag({rowNamed(area.remoteView(), u"big.bin"_s)}));
        QVERIFY(drag && drag->hasFormat(u"text/uri-list"_s));
        const int id = queue->jobIds().last();

        // The link dies once a MiB of the download has come through, and the relay stops listening.
        relay.cutAfter(1 << 20);
        QElapsedTimer asking;
        asking.start();
        QVERIFY(drag->urls().isEmpty());
        QVERIFY2(asking.elapsed() < 250, qPrintable(u"answered in %1 ms"_s.arg(asking.elapsed())));
        drag.reset(); // the drop is over: it asked, so the download goes on
        auto *box = waitForDialog<ui::DragDownloadBox>(&area, 5000);
        QVERIFY(box);
        QTRY_VERIFY_WITH_TIMEOUT(relay.isCut(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(box->heading(), u"The connection to the cluster was lost"_s, 10000);
        QVERIFY2(box->text().contains(u"big.bin"_s) && box->text().contains(u"waiting for the link"_s)
                     && box->text().contains(u"keeps trying to reconnect"_s),
                 qPrintable(box->text()));
        QCOMPARE(box->windowModality(), Qt::NonModal);
        QVERIFY(!QApplication::activeModalWidget());
        QVERIFY(!messages.isEmpty());
        screenshot(box, u"files-drag-link-lost.png"_s);

        // Not cancelled: waiting for the link; and nothing incomplete under the file's name.
        QTest::qWait(2000);
        QVERIFY(queue->job(id)->state != TransferQueue::JobState::Cancelled);
        QVERIFY(queue->job(id)->state != TransferQueue::JobState::Finished);
        QVERIFY(!QFileInfo::exists(box->folder() + u"/big.bin"_s));
        QVERIFY(queue->progress(id).bytesDone < quint64(data.size()));

        // The window works with the box up: the local pane goes elsewhere and lists it.
        const QString elsewhere = m_dir.filePath(u"after-drag"_s);
        QVERIFY(QDir().mkpath(elsewhere));
        QVERIFY(writeFile(elsewhere + u"/still-here.txt"_s, "yes"));
        area.setLocalFolder(elsewhere);
        QCOMPARE(area.localFolder(), elsewhere);
        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(area.localView(), u"still-here.txt"_s).isValid(), 10000);
        screenshot(&area, u"files-after-lost-drag.png"_s);
        box->close();
        QVERIFY(closes(box));
    }
};

QTEST_MAIN(tst_DragOut)
#include "tst_dragout.moc"
