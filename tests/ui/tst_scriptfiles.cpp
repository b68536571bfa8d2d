// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Job scripts on this computer in the editor, as `clusterdesk FILE...` and a file manager open them:
// a file opened takes the place of the untouched new script, shows in a tab, fills the form, and is
// saved back to itself; a second file gets its own tab and switching keeps each one's changes; the
// same file twice is one tab; files that cannot be read say why (missing, a folder, not text, too
// big); a failed save says why and keeps the changes; closing a changed tab asks first. And the
// main window with no cluster at all shows the Jobs area's editor with the files, and a box for
// one it could not open.

#include "GuiTestSupport.h"
#include "TestSupport.h"
#include "app/jobscripts/JobField.h"
#include "app/jobscripts/LocalScriptFile.h"
#include "app/profiles/ProfileStore.h"
#include "ui/jobs/JobScriptEditor.h"
#include "ui/jobs/JobScriptForm.h"
#include "ui/jobs/JobsArea.h"
#include "ui/mainwindow/AreaTabs.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/widgets/CodeEditor.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using app::JobField;

namespace {

const QByteArray trainScript = "#!/bin/bash\n"
                               "#SBATCH --job-name=train\n"
                               "#SBATCH --time=01:00:00\n"
                               "#SBATCH --cpus-per-task=4\n"
                               "python train.py\n";
const QByteArray pbsScript = "#!/bin/bash\n"
                             "#PBS -N prepare\n"
                             "#PBS -l walltime=00:30:00\n"
                             "./prepare.sh\n";

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class tst_ScriptFiles : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // Opens path in editor and waits for the answer; the message if it failed.
    static QString open(ui::JobScriptEditor *editor, const QString &path)
    {
        QSignalSpy opened(editor, &ui::JobScriptEditor::fileOpened);
        QSignalSpy failed(editor, &ui::JobScriptEditor::openFailed);
        editor->openFile(path);
        if (!QTest::qWaitFor([&] { return !opened.isEmpty() || !failed.isEmpty(); }, 10000))
            return u"no answer"_s;
        return failed.isEmpty() ? QString() : failed.front().at(1).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(writeFile(path(u"train.sbatch"_s), trainScript));
        QVERIFY(writeFile(path(u"prepare.pbs"_s), pbsScript));
    }

    void openEditSaveBack()
    {
        ui::JobScriptEditor editor;
        editor.show();
        QVERIFY(!editor.documents()->isVisible()); // one new script: no tabs
        QCOMPARE(open(&editor, path(u"train.sbatch"_s)), QString());
        // It took the untouched new script's place.
        QCOMPARE(editor.documents()->count(), 1);
        QVERIFY(editor.documents()->isVisible());
        QCOMPARE(editor.documents()->tabText(0), u"train.sbatch"_s);
        QCOMPARE(editor.filePath(), path(u"train.sbatch"_s));
        QCOMPARE(editor.text(), QString::fromUtf8(trainScript));
        QCOMPARE(editor.script().value(JobField::Name), u"train"_s);
        QCOMPARE(editor.findChild<QLineEdit *>(u"scriptName"_s)->text(), u"train.sbatch"_s);
        QVERIFY(editor.status()->text().contains(u"Opened"_s));
        QVERIFY(!editor.isModified());

        // Changed through the form: the tab says so; Save writes the file, not a dialog.
        QLineEdit *name = qobject_cast<QLineEdit *>(editor.form()->fieldWidget(JobField::Name));
        QVERIFY(name);
        name->selectAll();
        QTest::keyClicks(name, u"train-big"_s);
        QTRY_VERIFY(editor.text().contains(u"--job-name=train-big"_s));
        QVERIFY(editor.isModified());
        QCOMPARE(editor.documents()->tabText(0), u"train.sbatch (changed)"_s);
        QSignalSpy saved(&editor, &ui::JobScriptEditor::saved);
        editor.save();
        QVERIFY(saved.wait(10000));
        QVERIFY(!editor.findChild<QFileDialog *>()); // no question where to
        QCOMPARE(saved.front().front().toString(), path(u"train.sbatch"_s));
        QCOMPARE(QString::fromUtf8(readFile(path(u"train.sbatch"_s))), editor.text());
        QVERIFY(readFile(path(u"train.sbatch"_s)).contains("#SBATCH --job-name=train-big\n"));
        QVERIFY(!editor.isModified());
        QCOMPARE(editor.documents()->tabText(0), u"train.sbatch"_s);
        QVERIFY(writeFile(path(u"train.sbatch"_s), trainScript));
    }

    void tabsKeepTheirChanges()
    {
        ui::JobScriptEditor editor;
        editor.show();
        QCOMPARE(open(&editor, path(u"train.sbatch"_s)), QString());
        editor.editor()->moveCursor(QTextCursor::End);
        QTest::keyClicks(editor.editor(), u"echo done"_s);
        QTest::keyClick(editor.editor(), Qt::Key_Return);
        QVERIFY(editor.isModified());
        const QString changedTrain = editor.text();

        QCOMPARE(open(&editor, path(u"prepare.pbs"_s)), QString());
        QCOMPARE(editor.documents()->count(), 2);
        QCOMPARE(editor.documents()->currentIndex(), 1);
        QCOMPARE(editor.text(), QString::fromUtf8(pbsScript));
        QCOMPARE(editor.script().scheduler(), app::Profile::Scheduler::Pbs);
        QCOMPARE(editor.findChild<QLineEdit *>(u"scriptName"_s)->text(), u"prepare.pbs"_s);

        // Back to the first: its changes are there, still unsaved.
        editor.documents()->setCurrentIndex(0);
        QCOMPARE(editor.text(), changedTrain);
        QVERIFY(editor.isModified());
        QCOMPARE(editor.filePath(), path(u"train.sbatch"_s));
        QCOMPARE(editor.findChild<QLineEdit *>(u"scriptName"_s)->text(), u"train.sbatch"_s);
        QCOMPARE(editor.documents()->tabText(0), u"train.sbatch (changed)"_s);
        QCOMPARE(readFile(path(u"train.sbatch"_s)), trainScript); // nothing saved behind the user's back

        // The same file again: its tab, not a second one.
        QCOMPARE(open(&editor, path(u"prepare.pbs"_s)), QString());
        QCOMPARE(editor.documents()->count(), 2);
        QCOMPARE(editor.documents()->currentIndex(), 1);

        // Closing a changed tab asks; Cancel keeps it, Discard closes it.
        editor.closeDocument(0);
        auto *ask = testsupport::waitForDialog<QMessageBox>(&editor);
        QVERIFY(ask);
        QCOMPARE(ask->objectName(), u"confirmClose"_s);
        ask->button(QMessageBox::Cancel)->click();
        QVERIFY(testsupport::closes(ask));
        QCOMPARE(editor.documents()->count(), 2);
        editor.closeDocument(0);
        ask = testsupport::waitForDialog<QMessageBox>(&editor);
        QVERIFY(ask);
        ask->button(QMessageBox::Discard)->click();
        QTRY_COMPARE(editor.documents()->count(), 1);
        QCOMPARE(editor.filePath(), path(u"prepare.pbs"_s));
        QCOMPARE(editor.text(), QString::fromUtf8(pbsScript));
        // An unchanged one closes without a question, leaving a new script.
        editor.closeDocument(0);
        QCOMPARE(editor.documents()->count(), 1);
        QVERIFY(editor.filePath().isEmpty());
        QTRY_VERIFY(!editor.findChild<QMessageBox *>(u"confirmClose"_s)); // the earlier ones gone, none new
    }

    void unreadableFilesSayWhy_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content"); // none: no such file; "/": a folder
        QTest::addColumn<QString>("why");
        QTest::newRow("missing") << u"gone.sbatch"_s << QByteArray() << u"there is no such file"_s;
        QTest::newRow("folder") << u"runs.slurm"_s << QByteArray("/") << u"it is a folder"_s;
        QTest::newRow("binary") << u"model.pbs"_s
                                << QByteArray("\x7f"
                                              "ELF\x02\x01\x01\0\0\0",
                                              10)
                                << u"not a text file in UTF-8"_s;
        QTest::newRow("latin1") << u"job.lsf"_s << QByteArray("#BSUB -J caf\xe9\n") << u"not a text file in UTF-8"_s;
        QTest::newRow("huge") << u"huge.sbatch"_s << QByteArray(app::LocalScriptFile::MaximumSize + 1, 'x')
                              << u"too big"_s;
    }

    void unreadableFilesSayWhy()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QString, why);
        const QString file = path(u"bad/"_s + name);
        QVERIFY(QDir().mkpath(path(u"bad"_s)));
        if (content == "/")
            QVERIFY(QDir().mkpath(file));
        else if (!content.isEmpty())
            QVERIFY(writeFile(file, content));
        ui::JobScriptEditor editor;
        const QString before = editor.text();
        const QString message = open(&editor, file);
        QVERIFY2(message.contains(why), qPrintable(message));
        QVERIFY(message.contains(QDir::toNativeSeparators(file)));
        QCOMPARE(editor.status()->text(), message);
        QCOMPARE(editor.text(), before); // what was there stays
        QCOMPARE(editor.documents()->count(), 1);
    }

    void failedSaveKeepsTheChanges()
    {
        QVERIFY(QDir().mkpath(path(u"moved"_s)));
        QVERIFY(writeFile(path(u"moved/job.sbatch"_s), trainScript));
        ui::JobScriptEditor editor;
        QCOMPARE(open(&editor, path(u"moved/job.sbatch"_s)), QString());
        editor.editor()->moveCursor(QTextCursor::End);
        QTest::keyClicks(editor.editor(), u"echo more"_s);
        QVERIFY(QDir(path(u"moved"_s)).removeRecursively()); // its folder went away meanwhile
        QSignalSpy failed(&editor, &ui::JobScriptEditor::saveFailed);
        editor.save();
        QVERIFY(failed.wait(10000));
        QVERIFY2(failed.front().at(1).toString().startsWith(u"Cannot save "_s),
                 qPrintable(failed.front().at(1).toString()));
        QCOMPARE(editor.status()->text(), failed.front().at(1).toString());
        QVERIFY(editor.isModified());
        QVERIFY(editor.text().endsWith(u"echo more"_s));
    }

    void windowWithoutClustersOpensScripts()
    {
        QTemporaryDir dir;
        app::ProfileStore store(dir.filePath(u"profiles.json"_s));
        (void)store.load();
        QVERIFY(writeFile(dir.filePath(u"ssh_config"_s), ""));
        ui::MainWindow window(&store, nullptr, {dir.filePath(u"no-demo.json"_s), dir.filePath(u"ssh_config"_s)});
        window.show();
        window.refresh();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.jobsArea()->isVisible()); // the welcome view of a first start

        ui::JobScriptEditor *editor = window.jobsArea()->editor();
        QSignalSpy opened(editor, &ui::JobScriptEditor::fileOpened);
        window.openJobScripts({path(u"train.sbatch"_s), path(u"prepare.pbs"_s), path(u"gone.sbatch"_s)});
        QTRY_COMPARE(opened.size(), 2);
        QCOMPARE(window.areas()->currentIndex(), int(ui::AreaTabs::Jobs));
        QTRY_VERIFY(editor->isVisible());
        QCOMPARE(editor->documents()->count(), 2);
        QStringList tabs;
        for (int i = 0; i < editor->documents()->count(); ++i)
            tabs << editor->documents()->tabText(i);
        tabs.sort();
        QCOMPARE(tabs, (QStringList{u"prepare.pbs"_s, u"train.sbatch"_s}));
        // The file that could not be read: a box over the window says which and why.
        auto *box = testsupport::waitForDialog<QMessageBox>(&window);
        QVERIFY(box);
        QCOMPARE(box->windowTitle(), u"Could not open the job script"_s);
        QVERIFY2(box->text().contains(u"gone.sbatch: there is no such file"_s), qPrintable(box->text()));
        box->accept();
        // Submitting needs a cluster, and says so.
        QVERIFY(!editor->findChild<QPushButton *>(u"submitButton"_s)->isEnabled());
    }
};

QTEST_MAIN(tst_ScriptFiles)
#include "tst_scriptfiles.moc"
