// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QPersistentModelIndex>
#include <QUuid>
#include <QWidget>

class QFrame;
class QLabel;
class QPushButton;

namespace app {
class ClusterListModel;
}

namespace ui {

// The head of the work area: which cluster it is for, how its connection is, and the buttons to
// connect, disconnect or edit it. When connecting fails, the reason is shown here with a retry.
class ClusterPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ClusterPanel(app::ClusterListModel *model, QWidget *parent = nullptr);

    void setCluster(const QUuid &id);
    QUuid cluster() const { return m_id; }

Q_SIGNALS:
    void connectRequested(const QUuid &id);
    void disconnectRequested(const QUuid &id);
    void editRequested(const QUuid &id);

protected:
    void changeEvent(QEvent *event) override;

private:
    void update();

    app::ClusterListModel *m_model;
    QUuid m_id;
    QLabel *m_dot;
    QLabel *m_name;
    QLabel *m_address;
    QLabel *m_state;
    QPushButton *m_connect;
    QPushButton *m_disconnect;
    QPushButton *m_edit;
    QFrame *m_error;
    QLabel *m_errorText;
    QPushButton *m_retry;
};

} // namespace ui
