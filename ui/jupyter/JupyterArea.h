// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QPointer>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTreeView;

namespace app {
class ClusterConnection;
class JupyterSession;
class JupyterSessionModel;
} // namespace app

namespace app {
class JupyterPresets;
class Notifier;
} // namespace app

namespace ui {

class JupyterForm;
class PresetBar;

// The Jupyter area: a form and one Start button on the left; on the right the cluster's servers
// (started here or found on the cluster), and for the selected one its state in words and time,
// Open in browser and Copy URL once ready, Stop, Run again with more time, and after a failed start
// the diagnosis with the end of the job's output.
class JupyterArea : public QWidget
{
    Q_OBJECT

public:
    explicit JupyterArea(QWidget *parent = nullptr);
    ~JupyterArea() override;

    void setConnection(app::ClusterConnection *connection);
    // Where a cluster's Jupyter notices go (ready, time left, ended), from the first time the area
    // shows that cluster on.
    void setNotifier(app::Notifier *notifier);

    // What keeps running on the clusters when the app quits: a line per cluster with Jupyter servers.
    static QStringList keepsRunning(const QList<app::ClusterConnection *> &connections);

    // For tests: the form, the list, and the selected server.
    JupyterForm *form() const { return m_form; }
    QTreeView *list() const { return m_list; }
    app::JupyterSession *selected() const;
    void select(app::JupyterSession *session);
    // Starts a server with the form's settings (the Start button).
    app::JupyterSession *startServer();

Q_SIGNALS:
    void message(const QString &text);

private:
    void loadResources();
    void showScript();
    void updateDetails();
    void updateStart();
    void stopSelected();
    void runAgainLonger();
    QString presetsKey() const;
    void loadPresets();

    QPointer<app::ClusterConnection> m_connection;
    QPointer<app::Notifier> m_notifier;
    app::JupyterSessionModel *m_model;
    std::unique_ptr<app::JupyterPresets> m_presets;
    PresetBar *m_presetBar;
    JupyterForm *m_form;
    QLabel *m_problem;
    QPushButton *m_start;
    QPushButton *m_script;
    QTreeView *m_list;
    QLabel *m_state;
    QLabel *m_timing;
    QLineEdit *m_url;
    QPushButton *m_open;
    QPushButton *m_copy;
    QPushButton *m_stop;
    QPushButton *m_again;
    QPushButton *m_forget;
    QLabel *m_outputTitle;
    QPlainTextEdit *m_output;
    QString m_home; // the cluster's home folder, for the script shown before a start
};

} // namespace ui
