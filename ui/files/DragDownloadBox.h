// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDialog>
#include <QList>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace ui {

class DragDownload;

// Shown, without blocking anything, when files dragged out to the desktop were not all there when
// they were dropped: which are still downloading, how far each is, into which folder, and what the
// link to the cluster is doing; Open Folder shows the folder in the desktop's file manager. It
// follows its DragDownload as it goes on, and keeps what it showed last when that is gone. Closing
// it does not stop the downloads (Transfers can).
class DragDownloadBox : public QDialog
{
    Q_OBJECT

public:
    DragDownloadBox(DragDownload *download, QWidget *parent);

    QString heading() const;
    // Everything it says, as one text (the heading, the explanation, the link, each file's line).
    QString text() const;
    QString folder() const { return m_folder; }
    QPushButton *openFolderButton() const { return m_openFolder; }

private:
    struct Row
    {
        QLabel *name;
        QProgressBar *bar;
        QLabel *state;
    };

    void update();

    QPointer<DragDownload> m_download;
    QString m_folder;
    QLabel *m_icon;
    QLabel *m_heading;
    QLabel *m_explanation;
    QLabel *m_linkIcon;
    QLabel *m_link;
    QLabel *m_linkDetail; // the connection's own words
    QWidget *m_linkFrame;
    QList<Row> m_rows;
    QPushButton *m_openFolder;
};

} // namespace ui
