// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The main window, clicked and typed into under the offscreen platform: the welcome view of a first
// start, adding, importing, editing, cloning, renaming and deleting clusters, a failed connection
// shown in place with a retry, remembered geometry and cluster, a damaged cluster list, the dark
// palette, and the About dialog. Screenshots go to build/.../screenshots/.

#include "GuiTestSupport.h"
#include "TestSupport.h"
#include "app/clusters/ClusterListModel.h"
#include "app/profiles/ProfileStore.h"
#include "ui/mainwindow/AreaTabs.h"
#include "ui/mainwindow/ClusterPanel.h"
#include "ui/mainwindow/ClusterSidebar.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/profiles/ImportDialog.h"
#include "ui/profiles/ProfileDialog.h"
#include "ui/screenshots/Screenshot.h"
#include "ui/welcome/WelcomeView.h"
#include "ui/widgets/EmptyStateWidget.h"
#include "ui/widgets/Palette.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCommandLinkButton>
#include <QDialog>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QtVersion>

using namespace Qt::StringLiterals;
using app::Profile;

namespace {

const QString demoFile = QStringLiteral(CLUSTERDESK_TEST_DATA "/democluster/valid.json");

void screenshot(QWidget *widget, const QString &name)
{
    const auto saved = ui::saveScreenshot(widget, QStringLiteral(CLUSTERDESK_SCREENSHOT_DIR "/") + name);
    QVERIFY_RESULT(saved);
}

void writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(data);
}

// A main window over a profile store of its own, shown and exposed.
struct Fixture
{
    explicit Fixture(const QString &demo = {})
        : store(dir.filePath(u"profiles.json"_s))
    {
        writeFile(sshConfig(), "Host hawk\n  HostName hawklogin.cf.ac.uk\n  User c.c1234567\n"
                               "Host snellius\n  HostName snellius.surf.nl\n  ProxyJump gw.surf.nl\n"
                               "Host *\n  ServerAliveInterval 30\n");
        (void)store.load();
        window = std::make_unique<ui::MainWindow>(&store, nullptr,
                                                  ui::MainWindow::Options{demo.isEmpty()
                                                                              ? dir.filePath(u"no-demo.json"_s)
                                                                              : demo,
                                                                          sshConfig()});
        window->show();
        window->refresh();
    }

    QString sshConfig() const { return dir.filePath(u"ssh_config"_s); }

    template<typename T>
    T *find(const QString &name) const
    {
        return window->findChild<T *>(name);
    }

    QTemporaryDir dir;
    app::ProfileStore store;
    std::unique_ptr<ui::MainWindow> window;
};

Profile profile(const QString &name, const QString &host)
{
    Profile p;
    p.name = name;
    p.host = host;
    p.user = u"alice"_s;
    return p;
}

} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QSettings().clear(); }

    void welcomeViewOnFirstStart()
    {
        Fixture f(demoFile);
        QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
        ui::WelcomeView *welcome = f.window->welcome();
        QVERIFY(welcome->isVisible());
        auto *import = f.find<QCommandLinkButton>(u"importSshConfig"_s);
        QVERIFY(import->isEnabled());
        QVERIFY2(import->description().contains(u"2 hosts"_s), qPrintable(import->description()));
        QVERIFY(f.find<QCommandLinkButton>(u"addCluster"_s)->isVisible());
        QVERIFY(f.find<QCommandLinkButton>(u"tryDemo"_s)->isVisible());
        QCOMPARE(f.find<QLabel>(u"clusterStatus"_s)->text(), u"No clusters yet"_s);
        QCOMPARE(f.find<QLabel>(u"connectionStatus"_s)->text(), u"Not connected"_s);
        screenshot(f.window.get(), u"welcome.png"_s);
    }

    void welcomeWithoutDemoOrBrokenDemo()
    {
        {
            Fixture f;
            QVERIFY(!f.find<QCommandLinkButton>(u"tryDemo"_s)->isVisible());
            QVERIFY(!f.find<QLabel>(u"demoProblem"_s)->isVisible());
        }
        Fixture f(QStringLiteral(CLUSTERDESK_TEST_DATA "/democluster/newer-format.json"));
        auto *problem = f.find<QLabel>(u"demoProblem"_s);
        QVERIFY(problem->isVisible());
        QVERIFY(!f.find<QCommandLinkButton>(u"tryDemo"_s)->isVisible()); // nothing to try
        QVERIFY2(problem->text().contains(u"newer clusterdesk"_s), qPrintable(problem->text()));
    }

    void addAClusterWithTheDialog()
    {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
        QTest::mouseClick(f.find<QCommandLinkButton>(u"addCluster"_s), Qt::LeftButton);
        auto *dialog = testsupport::waitForDialog<ui::ProfileDialog>(f.window.get());
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        auto *ok = dialog->findChild<QPushButton *>(u"ok"_s);
        QVERIFY(!ok->isEnabled()); // nothing to connect to yet
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"host"_s), u"alice@login"_s);
        QVERIFY(!ok->isEnabled());
        QVERIFY(dialog->findChild<QLabel *>(u"problem"_s)->text().contains(u"User"_s));
        dialog->findChild<QLineEdit *>(u"host"_s)->clear();
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"host"_s), u"login.example.org"_s);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"user"_s), u"alice"_s);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"name"_s), u"Example HPC"_s);
        auto *jump = dialog->findChild<QLineEdit *>(u"jumpHosts"_s);
        QTest::keyClicks(jump, u"me@gw.example.org:99999"_s);
        QVERIFY(!ok->isEnabled()); // an impossible port
        jump->clear();
        QTest::keyClicks(jump, u"me@gw.example.org:2222"_s);
        QVERIFY(ok->isEnabled());
        dialog->findChild<QComboBox *>(u"colour"_s)->setCurrentIndex(1);
        screenshot(dialog, u"profile-dialog.png"_s);
        QTest::mouseClick(ok, Qt::LeftButton);

        QCOMPARE(f.store.profiles().size(), 1);
        const Profile added = f.store.profiles().first();
        QCOMPARE(added.name, u"Example HPC"_s);
        QCOMPARE(added.host, u"login.example.org"_s);
        QCOMPARE(added.user, u"alice"_s);
        QCOMPARE(added.jumpHosts, QStringList{u"me@gw.example.org:2222"_s});
        QCOMPARE(added.colour, u"#2b6fd6"_s);
        // The work view replaces the welcome, for the new cluster.
        QTRY_VERIFY(!f.window->welcome()->isVisible());
        QVERIFY(f.window->panel()->isVisible());
        QCOMPARE(f.window->sidebar()->currentId(), added.id);
        QCOMPARE(f.find<QLabel>(u"clusterName"_s)->text(), u"Example HPC"_s);
        QVERIFY(f.find<QPushButton>(u"connectButton"_s)->isVisible());
        QCOMPARE(f.find<QLabel>(u"clusterStatus"_s)->text(), u"alice@login.example.org  ·  Not connected"_s);
        // The areas wait for a connection.
        for (int i = 0; i < f.window->areas()->count(); ++i) {
            auto *stack = qobject_cast<QStackedWidget *>(f.window->areas()->widget(i));
            QVERIFY(stack);
            auto *area = qobject_cast<ui::EmptyStateWidget *>(stack->currentWidget()); // not the area itself
            QVERIFY(area);
            QVERIFY(!area->isEnabled());
            QCOMPARE(area->hint(), u"Connect to Example HPC to use this area."_s);
        }
        // Saved at once, in the file the next start reads.
        app::ProfileStore reread(f.store.filePath());
        QVERIFY_RESULT(reread.load());
        QCOMPARE(reread.profiles(), f.store.profiles());
    }

    void keyboardShortcutOpensTheDialog()
    {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
        QTest::keyClick(f.window.get(), Qt::Key_N, Qt::ControlModifier);
        auto *dialog = testsupport::waitForDialog<ui::ProfileDialog>(f.window.get());
        QVERIFY(dialog);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QVERIFY(testsupport::closes(dialog));
        QVERIFY(f.store.profiles().isEmpty());
    }

    void importFromSshConfig()
    {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
        QTest::mouseClick(f.find<QCommandLinkButton>(u"importSshConfig"_s), Qt::LeftButton);
        auto *dialog = testsupport::waitForDialog<ui::ImportDialog>(f.window.get());
        QVERIFY(dialog);
        auto *hosts = dialog->findChild<QListWidget *>(u"hosts"_s);
        QCOMPARE(hosts->count(), 2); // "Host *" is a pattern, not a cluster
        QVERIFY(hosts->item(1)->text().contains(u"via gw.surf.nl"_s));
        hosts->item(0)->setCheckState(Qt::Unchecked);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"import"_s), Qt::LeftButton);
        QCOMPARE(f.store.profiles().size(), 1);
        QCOMPARE(f.store.profiles().first().name, u"snellius"_s);
        QCOMPARE(f.store.profiles().first().jumpHosts, QStringList{u"gw.surf.nl"_s});

        // Again: the one already added is shown, not ticked.
        f.window->findChild<QAction *>(u"importSshConfigAction"_s)->trigger();
        auto *again = testsupport::waitForDialog<ui::ImportDialog>(f.window.get(), 5000, [dialog](ui::ImportDialog *d) {
            return d != dialog;
        });
        QVERIFY(again);
        auto *list = again->findChild<QListWidget *>(u"hosts"_s);
        QCOMPARE(list->item(0)->checkState(), Qt::Checked);
        QCOMPARE(list->item(1)->checkState(), Qt::Unchecked);
        QVERIFY(list->item(1)->text().contains(u"already added"_s));
        again->reject();
    }

    void editCloneRenameDelete()
    {
        Fixture f;
        QVERIFY_RESULT(f.store.add(profile(u"Hawk"_s, u"hawklogin.cf.ac.uk"_s)));
        QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
        QListView *list = f.find<QListView>(u"clusterList"_s);
        QTRY_COMPARE(f.window->sidebar()->currentId(), f.store.profiles().first().id);

        // Edit: the dialog shows the profile; a new port is saved.
        f.window->findChild<QAction *>(u"editAction"_s)->trigger();
        auto *edit = testsupport::waitForDialog<ui::ProfileDialog>(f.window.get());
        QVERIFY(edit);
        QCOMPARE(edit->findChild<QLineEdit *>(u"host"_s)->text(), u"hawklogin.cf.ac.uk"_s);
        auto *port = edit->findChild<QSpinBox *>(u"port"_s);
        port->setValue(2222);
        QTest::mouseClick(edit->findChild<QPushButton *>(u"ok"_s), Qt::LeftButton);
        QCOMPARE(f.store.profiles().first().port, 2222);

        // Clone: a copy, selected, with its name open for editing.
        f.window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(f.window.get()));
        list->setFocus();
        QTest::keyClick(f.window.get(), Qt::Key_D, Qt::ControlModifier);
        QCOMPARE(f.store.profiles().size(), 2);
        QCOMPARE(f.store.profiles().at(1).name, u"Hawk (copy)"_s);
        QCOMPARE(f.window->sidebar()->currentId(), f.store.profiles().at(1).id);
        QLineEdit *editor = nullptr;
        QTRY_VERIFY((editor = list->findChild<QLineEdit *>()) && editor->isVisible());
        editor->selectAll();
        QTest::keyClicks(editor, u"Hawk GPU"_s);
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(f.store.profiles().at(1).name, u"Hawk GPU"_s);
        QCOMPARE(f.store.profiles().at(1).port, 2222);
        screenshot(f.window.get(), u"main-window-clusters.png"_s);

        // Delete asks first; Cancel keeps it.
        f.window->activateWindow(); // the dialogs had it; shortcuts go to the active window
        QVERIFY(QTest::qWaitForWindowActive(f.window.get()));
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Delete);
        auto *confirm = testsupport::waitForDialog<QMessageBox>(f.window.get());
        QVERIFY(confirm);
        QCOMPARE(confirm->objectName(), u"confirmDelete"_s);
        QVERIFY(confirm->text().contains(u"Hawk GPU"_s));
        QTest::keyClick(confirm, Qt::Key_Escape);
        QVERIFY(testsupport::closes(confirm));
        QCOMPARE(f.store.profiles().size(), 2);
        QTest::keyClick(list, Qt::Key_Delete);
        confirm = testsupport::waitForDialog<QMessageBox>(f.window.get());
        QVERIFY(confirm);
        QTest::mouseClick(confirm->findChild<QPushButton *>(u"confirmDeleteButton"_s), Qt::LeftButton);
        QTRY_COMPARE(f.store.profiles().size(), 1);
        QCOMPARE(f.store.profiles().first().name, u"Hawk"_s);
    }

    // The demo file is a recording: nothing listens on its port, so connecting fails, and the reason
    // is shown in place with a retry.
    void failedConnectionShownInPlaceWithRetry()
    {
        Fixture f(demoFile);
        QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
        QTest::mouseClick(f.find<QCommandLinkButton>(u"tryDemo"_s), Qt::LeftButton);
        QCOMPARE(f.store.profiles().size(), 1);
        QVERIFY(f.store.profiles().first().demo);
        auto *error = f.find<QWidget>(u"connectionError"_s);
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 20000);
        const QString message = f.find<QLabel>(u"errorText"_s)->text();
        QVERIFY2(message.contains(u"35457"_s), qPrintable(message));
        auto *retry = f.find<QPushButton>(u"retryButton"_s);
        QVERIFY(retry->isVisible());
        QVERIFY(f.find<QPushButton>(u"connectButton"_s)->isVisible());
        QVERIFY(f.find<QLabel>(u"connectionState"_s)->text().startsWith(u"Could not connect"_s));
        screenshot(f.window.get(), u"main-window-connection-failed.png"_s);
        // Retrying tries again (and fails again, for the same reason).
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(f.find<QPushButton>(u"disconnectButton"_s)->isVisible()
                                     || f.find<QLabel>(u"errorText"_s)->isVisible(),
                                 20000);
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible() && retry->isVisible(), 20000);
    }

    // Export, then import into another list, through the file dialogs (opened without waiting).
    void exportAndImportClusterFiles()
    {
        QTemporaryDir dir;
        app::ProfileStore store(dir.filePath(u"profiles.json"_s));
        QVERIFY_RESULT(store.add(profile(u"Hawk"_s, u"hawk"_s)));
        ui::MainWindow window(&store, nullptr, {dir.filePath(u"no-demo"_s), dir.filePath(u"no-config"_s)});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString exported = dir.filePath(u"shared clusters.json"_s);
        window.findChild<QAction *>(u"exportAction"_s)->trigger();
        auto *save = testsupport::waitForDialog<QFileDialog>(&window);
        QVERIFY(save);
        save->selectFile(exported);
        QMetaObject::invokeMethod(save, "accept"); // as its Save button does
        QTRY_VERIFY(QFile::exists(exported));
        QTRY_VERIFY(window.statusBar()->currentMessage().contains(u"Exported 1 cluster"_s));

        app::ProfileStore other(dir.filePath(u"other.json"_s));
        ui::MainWindow second(&other, nullptr, {dir.filePath(u"no-demo"_s), dir.filePath(u"no-config"_s)});
        second.show();
        QVERIFY(QTest::qWaitForWindowExposed(&second));
        second.findChild<QAction *>(u"importFileAction"_s)->trigger();
        auto *open = testsupport::waitForDialog<QFileDialog>(&second);
        QVERIFY(open);
        open->selectFile(exported);
        QMetaObject::invokeMethod(open, "accept");
        QTRY_COMPARE(other.profiles().size(), 1);
        QCOMPARE(other.profiles().first().name, u"Hawk"_s);
    }

    void remembersGeometryAndLastCluster()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"profiles.json"_s);
        QUuid second;
        QSize saved;
        {
            app::ProfileStore store(file);
            QVERIFY_RESULT(store.add(profile(u"Hawk"_s, u"hawk"_s)));
            const auto added = store.add(profile(u"Snellius"_s, u"snellius"_s));
            QVERIFY_RESULT(added);
            second = added->id;
            ui::MainWindow window(&store, nullptr, {dir.filePath(u"no-demo"_s), dir.filePath(u"no-config"_s)});
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resize(window.minimumSizeHint().width() + 4, 540); // the offscreen screen is 800 x 600
            saved = window.size();
            QCOMPARE(saved.height(), 540); // not what a first start gives
            window.sidebar()->setCurrentId(second);
            window.close();
        }
        app::ProfileStore store(file);
        QVERIFY_RESULT(store.load());
        ui::MainWindow window(&store, nullptr, {dir.filePath(u"no-demo"_s), dir.filePath(u"no-config"_s)});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.size(), saved);
        QCOMPARE(window.sidebar()->currentId(), second);
    }

    void damagedClusterListIsReportedAndKept()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"profiles.json"_s);
        writeFile(file, "{\"format\": 1, \"profiles\": [ {\"name\": \"Hawk\", ");
        app::ProfileStore store(file);
        QVERIFY(!store.load());
        ui::MainWindow window(&store, nullptr, {dir.filePath(u"no-demo"_s), dir.filePath(u"no-config"_s)});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *problem = window.findChild<QLabel *>(u"storeProblem"_s);
        QVERIFY(problem->isVisible());
        QVERIFY2(problem->text().contains(file), qPrintable(problem->text()));
        // Adding is refused with a message, and the file is untouched.
        QVERIFY(!store.add(profile(u"Snellius"_s, u"snellius"_s)));
        QFile kept(file);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), "{\"format\": 1, \"profiles\": [ {\"name\": \"Hawk\", "_ba);
    }

    // A dark system palette: the window follows it (what a desktop's dark mode hands to Qt).
    void followsADarkPalette()
    {
        const QPalette light = QApplication::palette();
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Base, QColor(0x1f, 0x21, 0x24));
        dark.setColor(QPalette::AlternateBase, QColor(0x2b, 0x2d, 0x31));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Button, QColor(0x36, 0x39, 0x3e));
        dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd8));
        dark.setColor(QPalette::HighlightedText, Qt::white);
        dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0xa0, 0xa6));
        dark.setColor(QPalette::Mid, QColor(0x4a, 0x4d, 0x52));
        QApplication::setPalette(dark);
        {
            Fixture f;
            QVERIFY_RESULT(f.store.add(profile(u"Hawk"_s, u"hawklogin.cf.ac.uk"_s)));
            QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
            QCOMPARE(f.find<QListView>(u"clusterList"_s)->palette().color(QPalette::Base), QColor(0x1f, 0x21, 0x24));
            screenshot(f.window.get(), u"main-window-dark.png"_s);
        }
        {
            // The app's own colours switch to their dark variants: a damaged cluster list is reported
            // on a wash of the dark danger colour, and that is what is painted.
            QTemporaryDir dir;
            const QString file = dir.filePath(u"profiles.json"_s);
            writeFile(file, "{\"format\": 1");
            app::ProfileStore store(file);
            QVERIFY(!store.load());
            ui::MainWindow window(&store, nullptr, {dir.filePath(u"no-demo"_s), dir.filePath(u"no-config"_s)});
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(ui::palette::isDark(window.palette()));
            QCOMPARE(ui::palette::danger(window.palette()), QColor(0xef, 0x6b, 0x6b));
            const QColor wash = ui::palette::tint(QColor(0xef, 0x6b, 0x6b), dark);
            QVERIFY(wash != ui::palette::tint(ui::palette::danger(light), light));
            auto *problem = window.findChild<QLabel *>(u"storeProblem"_s);
            QVERIFY(problem->isVisible());
            QCOMPARE(problem->palette().color(QPalette::Window), wash);
            QCOMPARE(problem->grab().toImage().pixelColor(1, 1).name(), wash.name());
        }
        QApplication::setPalette(light);
    }

    void aboutNamesVersions()
    {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
        f.window->findChild<QAction *>(u"aboutAction"_s)->trigger();
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = f.window->findChild<QDialog *>(u"aboutDialog"_s)) && dialog->isVisible());
        const auto version = [dialog](const QString &component) {
            auto *label = dialog->findChild<QLabel *>(u"version:"_s + component);
            return label ? label->text() : QString();
        };
        QVERIFY(version(u"Qt"_s).startsWith(QString::fromLatin1(qVersion())));
        QVERIFY2(version(u"libssh2"_s).startsWith(u"1.1"_s), qPrintable(version(u"libssh2"_s)));
        QVERIFY2(version(u"KSyntaxHighlighting"_s).contains(u"syntax definitions"_s),
                 qPrintable(version(u"KSyntaxHighlighting"_s)));
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        screenshot(dialog, u"about-dialog.png"_s);
        dialog->close();
    }
};

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
