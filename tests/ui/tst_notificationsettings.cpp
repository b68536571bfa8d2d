// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The per-cluster choice of desktop notices (Cluster > Notifications…, NotificationSettingsDialog
// over app::NoticePreferences) and the tray icon's decisions (TrayIcon): when the window goes to the
// tray, and what quitting asks. Offscreen: there is no system tray here, so the window closes as
// usual; the tray itself is looked at on a desktop.

#include "GuiTestSupport.h"
#include "TestSupport.h"
#include "app/notify/Notice.h"
#include "app/profiles/ProfileStore.h"
#include "ui/mainwindow/ClusterSidebar.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/mainwindow/TrayIcon.h"
#include "ui/notify/NotificationSettingsDialog.h"
#include "ui/screenshots/Screenshot.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using app::NoticeKind;
using app::NoticePreferences;

class tst_NotificationSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void preferencesArePerCluster()
    {
        NoticePreferences::forget(u"a/b c"_s);
        NoticePreferences::forget(u"other"_s);
        QVERIFY(NoticePreferences::wanted(u"a/b c"_s, NoticeKind::JobStarted));
        NoticePreferences::setWanted(u"a/b c"_s, NoticeKind::JobStarted, false);
        QVERIFY(!NoticePreferences::wanted(u"a/b c"_s, NoticeKind::JobStarted));
        QVERIFY(NoticePreferences::wanted(u"a/b c"_s, NoticeKind::JobEnded));
        QVERIFY(NoticePreferences::wanted(u"other"_s, NoticeKind::JobStarted));
        NoticePreferences::rename(u"a/b c"_s, u"other"_s);
        QVERIFY(NoticePreferences::wanted(u"a/b c"_s, NoticeKind::JobStarted));
        QVERIFY(!NoticePreferences::wanted(u"other"_s, NoticeKind::JobStarted));
        NoticePreferences::setWanted(u"other"_s, NoticeKind::JobStarted, true);
        QVERIFY(NoticePreferences::wanted(u"other"_s, NoticeKind::JobStarted));
    }

    void choicesFollowTheProfile()
    {
        QTemporaryDir dir;
        app::ProfileStore store(dir.filePath(u"profiles.json"_s));
        (void)store.load();
        app::Profile profile;
        profile.name = u"snellius"_s;
        profile.host = u"snellius.surf.nl"_s;
        const auto added = store.add(profile);
        QVERIFY_RESULT(added);
        NoticePreferences::forget(u"surf"_s);
        NoticePreferences::setWanted(u"snellius"_s, NoticeKind::JobEnded, false);
        QVERIFY_RESULT(store.rename(added->id, u"surf"_s));
        QVERIFY(!NoticePreferences::wanted(u"surf"_s, NoticeKind::JobEnded));
        QVERIFY(NoticePreferences::wanted(u"snellius"_s, NoticeKind::JobEnded));
        QVERIFY_RESULT(store.remove(added->id));
        QVERIFY(NoticePreferences::wanted(u"surf"_s, NoticeKind::JobEnded));
    }

    void dialogFromTheClusterMenu()
    {
        QTemporaryDir dir;
        app::ProfileStore store(dir.filePath(u"profiles.json"_s));
        (void)store.load();
        app::Profile hawk;
        hawk.name = u"hawk"_s;
        hawk.host = u"hawklogin.cf.ac.uk"_s;
        hawk.user = u"alice"_s;
        const auto added = store.add(hawk);
        QVERIFY_RESULT(added);
        NoticePreferences::forget(u"hawk"_s);
        NoticePreferences::setWanted(u"hawk"_s, NoticeKind::JobStarted, false);

        ui::MainWindow window(&store, nullptr, {dir.filePath(u"no-demo.json"_s), dir.filePath(u"ssh_config"_s)});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.sidebar()->setCurrentId(added->id);
        auto *action = window.findChild<QAction *>(u"notificationsAction"_s);
        QVERIFY(action);
        QVERIFY(action->isEnabled());
        action->trigger();
        auto *dialog = testsupport::waitForDialog<ui::NotificationSettingsDialog>(&window);
        QVERIFY(dialog);
        QVERIFY(dialog->windowTitle().contains(u"hawk"_s));
        QVERIFY(!dialog->box(NoticeKind::JobStarted)->isChecked());
        for (const NoticeKind kind : {NoticeKind::JobEnded, NoticeKind::JobFailed, NoticeKind::JupyterReady,
                                      NoticeKind::JupyterTimeLeft, NoticeKind::JupyterEnded})
            QVERIFY(dialog->box(kind)->isChecked());
        QTest::mouseClick(dialog->box(NoticeKind::JupyterTimeLeft), Qt::LeftButton);
        QVERIFY(!dialog->box(NoticeKind::JupyterTimeLeft)->isChecked());
        const auto saved = ui::saveScreenshot(dialog,
                                              QStringLiteral(CLUSTERDESK_SCREENSHOT_DIR "/notification-settings.png"));
        QVERIFY_RESULT(saved);
        // Nothing is kept before OK.
        QVERIFY(NoticePreferences::wanted(u"hawk"_s, NoticeKind::JupyterTimeLeft));
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QVERIFY(testsupport::closes(dialog));
        QVERIFY(!NoticePreferences::wanted(u"hawk"_s, NoticeKind::JupyterTimeLeft));
        QVERIFY(!NoticePreferences::wanted(u"hawk"_s, NoticeKind::JobStarted));
        QVERIFY(NoticePreferences::wanted(u"hawk"_s, NoticeKind::JobEnded));
    }

    void trayDecisions()
    {
        QMainWindow window;
        bool watching = true;
        QStringList running;
        ui::TrayIcon tray(&window, [&] { return watching; }, [&] { return running; });
        window.show();
        // No system tray offscreen: closing closes, whatever is watched.
        QCOMPARE(ui::TrayIcon::available(), false);
        QVERIFY(!tray.closeToTray());
        // Quitting asks nothing while nothing runs, and names what does.
        QVERIFY(tray.quitQuestion().isEmpty());
        running = {u"2 batch jobs on hawk, queued or running"_s, u"Jupyter on hawk (node01, 3 h 12 min left)"_s};
        QVERIFY(tray.quitQuestion().contains(u"2 batch jobs on hawk, queued or running"_s));
        QVERIFY(tray.quitQuestion().startsWith(u"These keep running on the cluster"_s));
        // Asked: Cancel keeps everything as it is.
        tray.quitAction()->trigger();
        auto *box = testsupport::waitForDialog<QMessageBox>(&window);
        QVERIFY(box);
        QCOMPARE(box->objectName(), u"confirmQuit"_s);
        QVERIFY_RESULT(ui::saveScreenshot(box, QStringLiteral(CLUSTERDESK_SCREENSHOT_DIR "/quit-question.png")));
        box->reject();
        QVERIFY(testsupport::closes(box));
        QVERIFY(!tray.isQuitting());
        QVERIFY(window.isVisible());
    }
};

QTEST_MAIN(tst_NotificationSettings)
#include "tst_notificationsettings.moc"
