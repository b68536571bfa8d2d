// The main window opens with its cluster list, its four areas and a status bar, and its About dialog
// names the versions of Qt, libssh2 and KSyntaxHighlighting. Screenshots go to build/screenshots/.

#include "TestSupport.h"
#include "app/clusters/ClusterListModel.h"
#include "ui/mainwindow/AreaTabs.h"
#include "ui/mainwindow/ClusterSidebar.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/screenshots/Screenshot.h"
#include "ui/widgets/EmptyStateWidget.h"

#include <QAction>
#include <QDialog>
#include <QLabel>
#include <QListView>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QtVersion>

using namespace Qt::StringLiterals;

namespace {
const QString demoFile = QStringLiteral(CLUSTERDESK_TEST_DATA "/democluster/valid.json");

// A main window over its own cluster list, shown and exposed.
struct ShownWindow
{
    explicit ShownWindow(const QString &demoConnectionFile)
        : window(&clusters, demoConnectionFile)
    {
        window.show();
    }

    app::ClusterListModel clusters;
    ui::MainWindow window;
};

void screenshot(QWidget *window, const QString &name)
{
    const auto saved = ui::saveScreenshot(window, QStringLiteral(CLUSTERDESK_SCREENSHOT_DIR "/") + name);
    QVERIFY_RESULT(saved);
}
} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void showsAreasAndEmptyStates()
    {
        QTemporaryDir noDemo;
        ShownWindow shown(noDemo.filePath(u"cluster.json"_s));
        ui::MainWindow &window = shown.window;
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.refresh();

        ui::AreaTabs *areas = window.areas();
        QCOMPARE(areas->count(), 4);
        const QStringList labels = {u"&Files"_s, u"&Jobs"_s, u"&Monitor"_s, u"J&upyter"_s};
        for (int i = 0; i < areas->count(); ++i) {
            QCOMPARE(areas->tabText(i), labels.at(i));
            auto *emptyState = qobject_cast<ui::EmptyStateWidget *>(areas->widget(i));
            QVERIFY(emptyState);
            QVERIFY(!emptyState->title().isEmpty());
            QVERIFY(emptyState->description().size() > 60); // says what will be there
            QVERIFY(!emptyState->hint().isEmpty());
        }
        // Switching areas with the keyboard-reachable tab bar works.
        areas->setCurrentIndex(ui::AreaTabs::Jupyter);
        QCOMPARE(areas->currentWidget()->objectName(), u"Jupyter"_s);

        // No clusters: the side bar says what to do, the status bar says so too.
        auto *noClusters = window.findChild<QLabel *>(u"noClusters"_s);
        QVERIFY(noClusters && noClusters->isVisible());
        QVERIFY(noClusters->text().contains(u"packaging/dev cluster start"_s));
        auto *status = window.findChild<QLabel *>(u"clusterStatus"_s);
        QCOMPARE(status->text(), u"No clusters yet"_s);
        QCOMPARE(window.findChild<QLabel *>(u"connectionStatus"_s)->text(), u"Not connected"_s);
        areas->setCurrentIndex(ui::AreaTabs::Files);
        screenshot(&window, u"main-window-empty.png"_s);
    }

    void listsTheDemoCluster()
    {
        ShownWindow shown(demoFile);
        ui::MainWindow &window = shown.window;
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.refresh();

        QListView *list = window.findChild<QListView *>(u"clusterList"_s);
        QVERIFY(list && list->isVisible());
        QCOMPARE(list->model()->rowCount(), 1);
        QCOMPARE(window.sidebar()->currentRow(), 0);
        auto *status = window.findChild<QLabel *>(u"clusterStatus"_s);
        QVERIFY2(status->text().startsWith(u"Demo cluster — alice@127.0.0.1:35457"_s), qPrintable(status->text()));
        // The file is a recording, so whatever answers on its port now, the check ends and what it
        // found reaches the status bar (the live cluster is checked in tests/cluster).
        QVERIFY(status->text().endsWith(u"Checking…"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!status->text().endsWith(u"Checking…"_s), 15000);
        screenshot(&window, u"main-window-demo-file.png"_s);
    }

    void reportsABrokenDemoFile()
    {
        ShownWindow shown(QStringLiteral(CLUSTERDESK_TEST_DATA "/democluster/newer-format.json"));
        shown.window.refresh();
        auto *status = shown.window.findChild<QLabel *>(u"clusterStatus"_s);
        QVERIFY2(status->text().contains(u"newer clusterdesk"_s), qPrintable(status->text()));
    }

    void aboutNamesVersions()
    {
        QTemporaryDir noDemo;
        ShownWindow shown(noDemo.filePath(u"cluster.json"_s));
        ui::MainWindow &window = shown.window;
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *about = window.findChild<QAction *>(u"aboutAction"_s);
        QVERIFY(about);
        about->trigger();
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<QDialog *>(u"aboutDialog"_s)) && dialog->isVisible());
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
