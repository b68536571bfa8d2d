// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The tray icon with a real system tray: Xvfb with stalonetray (tests/notify/run-with-dunst), on the
// xcb platform. Closing the window while a cluster is watched puts clusterdesk in the tray, saying
// so once; the tray's Show brings the window back; with nothing watched, closing closes.

#include "GuiTestSupport.h"
#include "TestSupport.h"
#include "ui/mainwindow/TrayIcon.h"

#include <QAction>
#include <QApplication>
#include <QMainWindow>
#include <QSettings>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_TrayIcon : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        // The tray on the test's display appears shortly after the display itself.
        QTRY_VERIFY_WITH_TIMEOUT(ui::TrayIcon::available(), 10000);
    }

    void closeToTrayAndBack()
    {
        QMainWindow window;
        window.setWindowIcon(QIcon(u":/clusterdesk/icons/clusterdesk.svg"_s));
        bool watching = true;
        ui::TrayIcon tray(&window, [&] { return watching; }, [] { return QStringList(); });
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QVERIFY(tray.closeToTray());
        QVERIFY(!window.isVisible());
        auto *icon = tray.findChild<QSystemTrayIcon *>();
        QVERIFY(icon);
        QVERIFY(icon->isVisible());
        QVERIFY(!QApplication::quitOnLastWindowClosed());         // the hidden window does not end the app
        QVERIFY(QSettings().value(u"tray/explained"_s).toBool()); // the explanation was given

        tray.showAction()->trigger();
        QTRY_VERIFY(window.isVisible());
        QVERIFY(!icon->isVisible());
        QVERIFY(QApplication::quitOnLastWindowClosed());

        // A second time: to the tray again, without the explanation (said once).
        const QStringList keys = QSettings().allKeys();
        QVERIFY(tray.closeToTray());
        QCOMPARE(QSettings().allKeys(), keys);
        tray.showWindow();
        QTRY_VERIFY(window.isVisible());

        // Nothing watched: closing closes.
        watching = false;
        QVERIFY(!tray.closeToTray());
    }
};

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "xcb"); // a real display with a tray (run-with-dunst gives both)
    QApplication application(argc, argv);
    tst_TrayIcon test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_trayicon.moc"
