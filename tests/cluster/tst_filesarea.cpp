// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Files area against the demo cluster: the remote model under QAbstractItemModelTester while it
// lists, refreshes, sorts and hides; files dropped from the local pane (and from a file manager, as
// text/uri-list) onto the cluster's pane and back arrive byte for byte; a conflict is asked and
// answered; a folder is made, renamed and deleted (confirmed); a remote text file is edited and saved,
// keeping its mode; the remote icon proxy under QAbstractItemModelTester. Drags out to the desktop:
// tst_dragout.

#include "DemoClusterSupport.h"
#include "DemoConnection.h"
#include "GuiTestSupport.h"
#include "ScriptedInteraction.h"
#include "TestSupport.h"
#include "app/connections/ClusterConnection.h"
#include "app/demo/DemoCluster.h"
#include "app/files/RemoteFileModel.h"
#include "app/transfers/TransferQueue.h"
#include "app/transfers/TransferQueueModel.h"
#include "sshcore/sftp/SftpClient.h"
#include "ui/files/FileViews.h"
#include "ui/files/FilesArea.h"
#include "ui/files/TextFileDialog.h"
#include "ui/files/TransferPanel.h"
#include "ui/screenshots/Screenshot.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDropEvent>
#include <QFileSystemModel>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUrl>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace testsupport;
using app::RemoteFileModel;
using app::TransferQueue;
using sshcore::Result;
using sshcore::SftpEntry;
using sshcore::SshConnectionState;

class tst_FilesArea : public QObject
{
    Q_OBJECT

    app::DemoCluster m_cluster;
    ScriptedInteraction m_interaction;
    QTemporaryDir m_dir;
    std::unique_ptr<app::ClusterConnection> m_connection;
    std::unique_ptr<sshcore::SftpClient> m_sftp;
    QByteArray m_remote;

    Result<SftpEntry> remoteStat(const QByteArray &path)
    {
        return await<SftpEntry>([&](QObject *context, auto done) { m_sftp->stat(path, context, done); });
    }

    QByteArray remoteContents(const QByteArray &path)
    {
        const QString local = m_dir.filePath(u"peek"_s);
        QFile::remove(local);
        const auto got = await<quint64>(
            [&](QObject *context, auto done) { m_sftp->download(path, local, {}, context, done); });
        return got ? readFile(local) : QByteArray("<missing>");
    }

    // Drops data on view at the row showing name (or on the empty space below the rows).
    static void drop(ui::FileListView *view, QMimeData *data, const QString &onName = {})
    {
        QPoint at(20, view->viewport()->height() - 5);
        if (!onName.isEmpty()) {
            const QModelIndexList found = view->model()->match(view->model()->index(0, 0, view->rootIndex()),
                                                               Qt::DisplayRole, onName, 1, Qt::MatchExactly);
            QVERIFY2(!found.isEmpty(), qPrintable(onName));
            at = view->visualRect(found.first()).center();
        }
        QDragEnterEvent enter(at, Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view->viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDragMoveEvent move(at, Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view->viewport(), &move);
        QVERIFY(move.isAccepted());
        QDropEvent dropped(QPointF(at), Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view->viewport(), &dropped);
        QVERIFY(dropped.isAccepted());
    }

    bool allJobsDone(TransferQueue *queue)
    {
        return std::ranges::all_of(queue->jobIds(), [&](int id) {
            const auto *job = queue->job(id);
            return job->state == TransferQueue::JobState::Finished || job->state == TransferQueue::JobState::Cancelled;
        });
    }

    QModelIndex rowNamed(ui::FileListView *view, const QString &name)
    {
        const QModelIndexList found = view->model()->match(view->model()->index(0, 0, view->rootIndex()),
                                                           Qt::DisplayRole, name, 1, Qt::MatchExactly);
        return found.value(0);
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
        m_remote = "/home/alice/tst-files-" + QByteArray::number(QRandomGenerator::global()->generate());
        QVERIFY_RESULT(
            await<void>([&](QObject *c, auto done) { m_sftp->makePath(m_remote + "/sub/deeper", c, done); }));
        QVERIFY_RESULT(
            await<void>([&](QObject *c, auto done) { m_sftp->makePath(m_remote + "/.hidden-folder", c, done); }));
    }

    void cleanupTestCase()
    {
        if (m_sftp && !m_remote.isEmpty())
            (void)await<void>([&](QObject *c, auto done) { m_sftp->remove(m_remote, true, c, done); });
    }

    void remoteModelPassesTheTester()
    {
        RemoteFileModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConnection(m_connection->ssh());
        QSignalSpy loaded(&model, &RemoteFileModel::folderLoaded);
        model.setRootPath(m_remote);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(model.rowCount(), 1); // "sub"; the hidden folder is hidden
        model.setShowHidden(true);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, 0).data().toString(), u".hidden-folder"_s);
        model.setShowHidden(false);

        // A folder lists when a view asks for it.
        const QModelIndex sub = model.index(0, 0);
        QCOMPARE(sub.data().toString(), u"sub"_s);
        QVERIFY(model.hasChildren(sub));
        if (model.canFetchMore(sub)) // the tester may have asked already
            model.fetchMore(sub);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(sub), 1, 10000);
        QVERIFY(!model.canFetchMore(sub));
        QCOMPARE(model.pathOf(model.index(0, 0, sub)), m_remote + "/sub/deeper");

        // Files appear on refresh, in order (numbers as numbers), folders first; a kept index survives.
        const QPersistentModelIndex kept(model.index(0, 0));
        for (const QByteArray name : {"run10.log", "run2.log", "a.txt"}) {
            QVERIFY_RESULT(await<quint64>([&](QObject *c, auto done) {
                const QString local = m_dir.filePath(QString::fromUtf8(name));
                QVERIFY(writeFile(local, name));
                m_sftp->upload(local, m_remote + '/' + name, {}, c, done);
            }));
        }
        model.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 4, 10000);
        QTRY_VERIFY(!model.isLoading());
        QStringList names;
        for (int row = 0; row < model.rowCount(); ++row)
            names.append(model.index(row, 0).data().toString());
        QCOMPARE(names, (QStringList{u"sub"_s, u"a.txt"_s, u"run2.log"_s, u"run10.log"_s}));
        QVERIFY(kept.isValid());
        QCOMPARE(kept.data().toString(), u"sub"_s);
        QCOMPARE(model.rowCount(kept), 1); // still listed after the refresh
        QCOMPARE(model.index(1, RemoteFileModel::PermissionsColumn).data().toString().left(1), u"-"_s);
        QCOMPARE(model.index(0, RemoteFileModel::PermissionsColumn).data().toString().left(1), u"d"_s);

        // Sorting by size, descending; folders stay first.
        model.sort(RemoteFileModel::SizeColumn, Qt::DescendingOrder);
        QCOMPARE(model.index(0, 0).data().toString(), u"sub"_s);
        QCOMPARE(model.index(1, 0).data().toString(), u"run10.log"_s);

        // A file deleted elsewhere disappears on refresh.
        QVERIFY_RESULT(
            await<void>([&](QObject *c, auto done) { m_sftp->remove(m_remote + "/a.txt", false, c, done); }));
        model.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 3, 10000);

        // A folder that cannot be listed says why.
        QSignalSpy failed(&model, &RemoteFileModel::folderFailed);
        model.setRootPath("/root");
        QVERIFY(failed.wait(10000));
        QVERIFY2(failed.first().at(1).toString().contains(u"permission denied"_s),
                 qPrintable(failed.first().at(1).toString()));
    }

    void dragAndDropBothWays()
    {
        ui::FilesArea area;
        area.resize(1200, 760);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        area.setConnection(m_connection.get());
        const QString localRoot = m_dir.filePath(u"local"_s);
        QVERIFY(QDir().mkpath(localRoot + u"/project/src"_s));
        const QByteArray data = randomBytes(3 << 20);
        QVERIFY(writeFile(localRoot + u"/weights.bin"_s, data));
        QVERIFY(writeFile(localRoot + u"/project/train.py"_s, "print('hello')\n"));
        QVERIFY(writeFile(localRoot + u"/project/src/model.py"_s, "import torch\n"));
        area.setLocalFolder(localRoot);
        area.setRemoteFolder(m_remote);
        QTRY_COMPARE_WITH_TIMEOUT(area.remoteFolder(), m_remote, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(area.remoteView(), u"sub"_s).isValid(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(area.localView(), u"weights.bin"_s).isValid(), 10000);
        TransferQueue *queue = m_connection->transfers();

        // Local pane → cluster pane: what the local view's drag carries, dropped on the empty space.
        auto *localModel = qobject_cast<QFileSystemModel *>(area.localView()->model());
        QVERIFY(localModel);
        std::unique_ptr<QMimeData> fromLocal(localModel->mimeData(
            {rowNamed(area.localView(), u"weights.bin"_s), rowNamed(area.localView(), u"project"_s)}));
        QVERIFY(fromLocal->hasUrls());
        drop(area.remoteView(), fromLocal.get());
        QTRY_COMPARE_WITH_TIMEOUT(queue->jobIds().size(), 2, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(allJobsDone(queue), 30000);
        QCOMPARE(remoteContents(m_remote + "/weights.bin"), data);
        QCOMPARE(remoteContents(m_remote + "/project/src/model.py"), "import torch\n"_ba);
        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(area.remoteView(), u"weights.bin"_s).isValid(), 10000); // shown

        // A file manager's drop (text/uri-list) onto a folder row goes into that folder.
        QMimeData fromDesktop;
        fromDesktop.setUrls({QUrl::fromLocalFile(localRoot + u"/project/train.py"_s)});
        drop(area.remoteView(), &fromDesktop, u"sub"_s);
        QTRY_COMPARE_WITH_TIMEOUT(queue->jobIds().size(), 3, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(allJobsDone(queue), 30000);
        QCOMPARE(remoteContents(m_remote + "/sub/train.py"), "print('hello')\n"_ba);

        // The queue panel shows each job done, complete.
        app::TransferQueueModel *jobs = area.transferPanel()->model();
        QCOMPARE(jobs->rowCount(), 3);
        for (int row = 0; row < 3; ++row) {
            QCOMPARE(jobs->index(row, app::TransferQueueModel::StateColumn).data().toString(), u"Done"_s);
            QCOMPARE(jobs->index(row, 0).data(app::TransferQueueModel::ProgressRole).toInt(), 1000);
        }

        // Cluster pane → local pane: the cluster pane's own drag, dropped on a local folder row. The
        // drag's downloads for the desktop started with it; dropped in clusterdesk, nobody asked for
        // them: when the drag is over they are cancelled and their folder removed.
        QVERIFY(QDir().mkpath(localRoot + u"/back"_s));
        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(area.localView(), u"back"_s).isValid(), 10000);
        std::unique_ptr<QMimeData> fromRemote(area.remoteDrag(
            {rowNamed(area.remoteView(), u"weights.bin"_s), rowNamed(area.remoteView(), u"project"_s)}));
        QVERIFY(fromRemote);
        QCOMPARE(queue->jobIds().size(), 5); // the drag's own two
        const QString dragFolder = queue->job(queue->jobIds().last())->destination;
        QVERIFY(QFileInfo(dragFolder).isDir());
        drop(area.localView(), fromRemote.get(), u"back"_s);
        QCOMPARE(queue->jobIds().size(), 7);
        fromRemote.reset(); // the drag is over
        QTRY_VERIFY_WITH_TIMEOUT(allJobsDone(queue), 30000);
        QCOMPARE(readFile(localRoot + u"/back/weights.bin"_s), data);
        QCOMPARE(readFile(localRoot + u"/back/project/src/model.py"_s), "import torch\n"_ba);
        QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(dragFolder), 10000);

        // The same file again: the person is asked, and chooses to overwrite.
        QVERIFY(writeFile(localRoot + u"/weights.bin"_s, "smaller now"));
        area.upload({localRoot + u"/weights.bin"_s});
        auto *question = waitForDialog<QMessageBox>(&area, 10000, [](QMessageBox *box) {
            return box->objectName() == u"ConflictQuestion";
        });
        QVERIFY(question);
        QVERIFY(question->text().contains(u"weights.bin"_s));
        screenshot(question, u"files-conflict-question.png"_s);
        for (QAbstractButton *button : question->buttons()) {
            if (button->text().remove(u'&') == u"Overwrite")
                button->click();
        }
        QTRY_VERIFY_WITH_TIMEOUT(allJobsDone(queue) && queue->jobIds().size() == 8, 30000);
        QCOMPARE(remoteContents(m_remote + "/weights.bin"), "smaller now"_ba);
        screenshot(&area, u"files-area.png"_s);
    }

    void folderRenameDeleteAndEdit()
    {
        ui::FilesArea area;
        area.resize(1200, 760);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        area.setConnection(m_connection.get());
        area.setRemoteFolder(m_remote);
        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(area.remoteView(), u"sub"_s).isValid(), 10000);
        RemoteFileModel *model = area.remoteModel();
        QSignalSpy finished(model, &RemoteFileModel::operationFinished);

        model->makeFolder({}, u"results ✓"_s);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.takeFirst().at(1).toString(), QString());
        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(area.remoteView(), u"results ✓"_s).isValid(), 10000);
        model->makeFolder({}, u"results ✓"_s); // again: it exists, and the person is told
        QVERIFY(finished.wait(10000));
        QVERIFY(finished.takeFirst().at(1).toString().contains(u"already exists"_s));
        auto *problem = waitForDialog<QMessageBox>(&area, 5000, [](QMessageBox *box) {
            return box->objectName() == u"FilesProblem";
        });
        QVERIFY(problem);
        QVERIFY(problem->text().contains(u"already exists"_s));
        problem->button(QMessageBox::Close)->click();
        QVERIFY(closes(problem));

        // Rename in place (the name's editor writes through setData).
        const QModelIndex results = qobject_cast<QAbstractProxyModel *>(area.remoteView()->model())
                                        ->mapToSource(rowNamed(area.remoteView(), u"results ✓"_s));
        QVERIFY(model->setData(results, u"results-2026"_s));
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.takeFirst().at(1).toString(), QString());
        QVERIFY_RESULT(remoteStat(m_remote + "/results-2026"));
        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(area.remoteView(), u"results-2026"_s).isValid(), 10000);

        // Delete asks first; cancelling keeps it, confirming removes it with what is in it.
        QVERIFY_RESULT(
            await<void>([&](QObject *c, auto done) { m_sftp->makePath(m_remote + "/results-2026/a/b", c, done); }));
        area.remoteView()->setFocus();
        area.remoteView()->setCurrentIndex(rowNamed(area.remoteView(), u"results-2026"_s));
        area.remoteView()->selectionModel()->select(area.remoteView()->currentIndex(),
                                                    QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        area.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&area));
        area.remoteView()->setFocus();
        QTRY_VERIFY(area.remoteView()->hasFocus());
        QTest::keyClick(area.remoteView(), Qt::Key_Delete);
        auto *confirm = waitForDialog<QMessageBox>(&area, 5000, [](QMessageBox *box) {
            return box->objectName() == u"DeleteQuestion";
        });
        QVERIFY(confirm);
        screenshot(confirm, u"files-delete-confirm.png"_s);
        confirm->button(QMessageBox::Cancel)->click();
        QVERIFY(closes(confirm));
        QVERIFY_RESULT(remoteStat(m_remote + "/results-2026"));
        area.activateWindow(); // back from the question
        QVERIFY(QTest::qWaitForWindowActive(&area));
        area.remoteView()->setFocus();
        QTRY_VERIFY(area.remoteView()->hasFocus());
        QTest::keyClick(area.remoteView(), Qt::Key_Delete);
        confirm = waitForDialog<QMessageBox>(&area, 5000,
                                             [](QMessageBox *box) { return box->objectName() == u"DeleteQuestion"; });
        QVERIFY(confirm);
        for (QAbstractButton *button : confirm->buttons()) {
            if (button->text().remove(u'&') == u"Delete")
                button->click();
        }
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.takeFirst().at(1).toString(), QString());
        QVERIFY(!remoteStat(m_remote + "/results-2026"));

        // A remote text file opens in the editor, highlighted; a change saved goes back to the cluster.
        const QString script = m_dir.filePath(u"job.sh"_s);
        QVERIFY(writeFile(script, "#!/bin/bash\n#SBATCH --time=00:10:00\necho hello\n"));
        QVERIFY_RESULT(
            await<quint64>([&](QObject *c, auto done) { m_sftp->upload(script, m_remote + "/job.sh", {}, c, done); }));
        area.editRemoteFile(m_remote + "/job.sh");
        auto *editor = waitForDialog<ui::TextFileDialog>(area.window(), 10000);
        QVERIFY(editor);
        QVERIFY(editor->editor()->toPlainText().contains(u"#SBATCH --time=00:10:00"_s));
        editor->editor()->moveCursor(QTextCursor::End);
        editor->editor()->insertPlainText(u"echo saved from clusterdesk\n"_s);
        QVERIFY(editor->isModified());
        screenshot(editor, u"files-text-editor.png"_s);
        QPushButton *save = editor->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
        QVERIFY(save->isEnabled());
        save->click();
        QTRY_VERIFY_WITH_TIMEOUT(!editor->isModified(), 20000);
        QCOMPARE(remoteContents(m_remote + "/job.sh"),
                 "#!/bin/bash\n#SBATCH --time=00:10:00\necho hello\necho saved from clusterdesk\n"_ba);
        editor->close();
        QVERIFY(closes(editor));

        // The free space of the folder's disk is shown.
        QTRY_VERIFY_WITH_TIMEOUT(area.remoteStatus()->text().contains(u"free of"_s), 10000);
    }

    void remoteIconProxyPassesTheTester()
    {
        ui::FilesArea area;
        area.resize(1000, 600);
        area.show();
        QAbstractItemModelTester tester(area.remoteView()->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(area.remoteView()->model() == static_cast<QAbstractItemModel *>(area.remoteProxy()));
        area.setConnection(m_connection.get());
        area.setRemoteFolder(m_remote);
        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(area.remoteView(), u"sub"_s).isValid(), 10000);
        QTRY_VERIFY(!area.remoteModel()->isLoading());
        // Icons the model has none of: a folder's, and a file's by its type.
        QVERIFY(!rowNamed(area.remoteView(), u"sub"_s).data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(!rowNamed(area.remoteView(), u"job.sh"_s).data(Qt::DecorationRole).value<QIcon>().isNull());

        // Listing a folder in place, refreshing, hiding and sorting through the proxy.
        const QModelIndex sub = rowNamed(area.remoteView(), u"sub"_s);
        area.remoteView()->expand(sub);
        QTRY_VERIFY_WITH_TIMEOUT(area.remoteProxy()->rowCount(sub) > 0, 10000);
        area.remoteModel()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!area.remoteModel()->isLoading(), 10000);
        area.remoteModel()->setShowHidden(true);
        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(area.remoteView(), u".hidden-folder"_s).isValid(), 10000);
        area.remoteModel()->setShowHidden(false);
        area.remoteView()->sortByColumn(RemoteFileModel::SizeColumn, Qt::DescendingOrder);
        QCOMPARE(area.remoteProxy()->index(0, 0).data().toString(), u"sub"_s); // folders first
        // Elsewhere and back: the rows are replaced.
        area.setRemoteFolder(m_remote + "/sub");
        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(area.remoteView(), u"deeper"_s).isValid(), 10000);
        area.setRemoteFolder(m_remote);
        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(area.remoteView(), u"sub"_s).isValid(), 10000);
    }

    // An executable script edited and saved stays executable (and a mode changed on the cluster while
    // it is open is the one kept).
    void savingKeepsTheMode()
    {
        ui::FilesArea area;
        area.resize(1000, 600);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        area.setConnection(m_connection.get());
        const QByteArray remote = m_remote + "/run.sh";
        const QString script = m_dir.filePath(u"run.sh"_s);
        QVERIFY(writeFile(script, "#!/bin/sh\necho one\n"));
        QVERIFY_RESULT(await<quint64>([&](QObject *c, auto done) { m_sftp->upload(script, remote, {}, c, done); }));
        const auto chmod = [&](quint32 mode) {
            return await<void>(
                [&](QObject *c, auto done) { m_sftp->setAttributes(remote, std::nullopt, mode, c, done); });
        };
        const auto mode = [&] {
            const auto entry = remoteStat(remote);
            return entry ? entry->permissions & 07777 : 0u;
        };
        QVERIFY_RESULT(chmod(0750));
        QCOMPARE(mode(), 0750u);

        area.editRemoteFile(remote);
        auto *editor = waitForDialog<ui::TextFileDialog>(area.window(), 10000);
        QVERIFY(editor);
        QPushButton *save = editor->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
        editor->editor()->moveCursor(QTextCursor::End);
        editor->editor()->insertPlainText(u"echo two\n"_s);
        save->click();
        QTRY_VERIFY2_WITH_TIMEOUT(!editor->isModified(), qPrintable(editor->status()->text()), 20000);
        QCOMPARE(remoteContents(remote), "#!/bin/sh\necho one\necho two\n"_ba);
        QCOMPARE(mode(), 0750u);

        QVERIFY_RESULT(chmod(0700)); // someone's chmod while the editor is open
        editor->editor()->insertPlainText(u"echo three\n"_s);
        save->click();
        QTRY_VERIFY2_WITH_TIMEOUT(!editor->isModified(), qPrintable(editor->status()->text()), 20000);
        QCOMPARE(remoteContents(remote), "#!/bin/sh\necho one\necho two\necho three\n"_ba);
        QCOMPARE(mode(), 0700u);

        // Closing with a change unsaved asks (without blocking anything); Save saves, then closes.
        editor->editor()->insertPlainText(u"echo four\n"_s);
        editor->close();
        QVERIFY(editor->isVisible());
        auto *question = waitForDialog<QMessageBox>(editor, 5000, [](QMessageBox *box) {
            return box->objectName() == u"UnsavedChangesQuestion";
        });
        QVERIFY(question);
        QCOMPARE(question->windowModality(), Qt::WindowModal); // the editor waits, not the application
        question->button(QMessageBox::Save)->click();
        QVERIFY(closes(editor, 20000));
        QCOMPARE(remoteContents(remote), "#!/bin/sh\necho one\necho two\necho three\necho four\n"_ba);
        QCOMPARE(mode(), 0700u);
    }

    // The transfer panel's "Errors…" box opens without a nested event loop: the test goes on with
    // it up (with exec() it would wait here for a click).
    void transferProblemsDoNotBlock()
    {
        ui::FilesArea area;
        area.resize(1000, 600);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        area.setConnection(m_connection.get());
        const QByteArray locked = m_remote + "/locked";
        QVERIFY_RESULT(await<void>([&](QObject *c, auto done) { m_sftp->makePath(locked, c, done, 0555); }));
        const QString local = m_dir.filePath(u"refused.txt"_s);
        QVERIFY(writeFile(local, "no room for me"));
        TransferQueue *queue = m_connection->transfers();
        const int before = int(queue->jobIds().size());
        area.upload({local}, locked);
        QTRY_VERIFY_WITH_TIMEOUT(queue->jobIds().size() == before + 1 && allJobsDone(queue), 20000);
        QCOMPARE(queue->progress(queue->jobIds().last()).filesFailed, 1);

        QTreeView *jobs = area.transferPanel()->view();
        jobs->setCurrentIndex(jobs->model()->index(jobs->model()->rowCount() - 1, 0));
        QToolButton *errors = nullptr;
        for (QToolButton *button : area.transferPanel()->findChildren<QToolButton *>()) {
            if (button->text().remove(u'&') == u"Errors…")
                errors = button;
        }
        QVERIFY(errors);
        QTRY_VERIFY(errors->isEnabled());
        errors->click();
        auto *box = waitForDialog<QMessageBox>(&area, 5000,
                                               [](QMessageBox *b) { return b->objectName() == u"TransferProblems"; });
        QVERIFY(box);
        QVERIFY2(box->informativeText().contains(u"refused.txt"_s), qPrintable(box->informativeText()));
        QCOMPARE(box->windowModality(), Qt::WindowModal);
        box->button(QMessageBox::Close)->click();
        QVERIFY(closes(box));
        QVERIFY_RESULT(
            await<void>([&](QObject *c, auto done) { m_sftp->setAttributes(locked, std::nullopt, 0755, c, done); }));
    }

private:
    static void screenshot(QWidget *widget, const QString &name)
    {
        QVERIFY(QTest::qWaitForWindowExposed(widget));
        QVERIFY_RESULT(ui::saveScreenshot(widget, QStringLiteral(CLUSTERDESK_SCREENSHOT_DIR "/") + name));
    }
};

QTEST_MAIN(tst_FilesArea)
#include "tst_filesarea.moc"
