/* The editor's interface in Bahasa Indonesia. Decap CMS 3.16.3 ships no Indonesian locale; what is
   not translated here falls back to English (Decap merges every locale over "en"). */
window.CMS.registerLocale('id', {
  auth: {
    login: 'Masuk',
    loggingIn: 'Sedang masuk…',
    loginWithGitHub: 'Masuk dengan GitHub',
    loginWithGitLab: 'Masuk dengan GitLab',
    loginWithGitea: 'Masuk dengan Gitea',
  },
  app: {
    header: { content: 'Isi', workflow: 'Alur kerja', media: 'Foto dan berkas', quickAdd: 'Tambah cepat' },
    app: {
      errorHeader: 'Konfigurasi penyunting tidak dapat dimuat',
      configErrors: 'Kesalahan konfigurasi',
      checkConfigYml: 'Buat ulang config.yml dengan `sitegen cms` atau `sitegen build`.',
      loadingConfig: 'Memuat konfigurasi…',
      waitingBackend: 'Menunggu repositori…',
    },
    notFoundPage: { header: 'Tidak ditemukan' },
  },
  collection: {
    sidebar: { collections: 'Bagian', allCollections: 'Semua bagian', searchAll: 'Cari di semua', searchIn: 'Cari di' },
    collectionTop: {
      sortBy: 'Urutkan', viewAs: 'Tampilan', viewAsList: 'Daftar', viewAsGrid: 'Kisi',
      newButton: '＋ %{collectionLabel}', newButtonAriaLabel: 'Buat %{collectionLabel} baru',
      ascending: 'Naik', descending: 'Turun',
      searchResults: 'Hasil pencarian "%{searchTerm}"', searchResultsInCollection: 'Hasil pencarian "%{searchTerm}" di %{collection}',
      filterBy: 'Saring', groupBy: 'Kelompokkan',
    },
    entries: {
      loadingEntries: 'Memuat halaman…', cachingEntries: 'Menyimpan sementara…', longerLoading: 'Ini bisa memakan beberapa menit',
      noEntries: 'Belum ada halaman', unpublishedHeader: 'Belum terbit',
    },
    groups: { other: 'Lainnya', negateLabel: 'Bukan %{label}' },
    defaultFields: { author: { label: 'Penulis' }, updatedOn: { label: 'Diperbarui' } },
  },
  editor: {
    editorControl: { field: { optional: 'tidak wajib', widgetLabel: 'isian %{widgetLabel}' } },
    editorControlPane: {
      widget: {
        required: '%{fieldLabel} wajib diisi.',
        regexPattern: '%{fieldLabel}: %{pattern}',
        processing: '%{fieldLabel} sedang diproses.',
        range: '%{fieldLabel} harus antara %{minValue} dan %{maxValue}.',
        min: '%{fieldLabel} paling sedikit %{minValue}.',
        max: '%{fieldLabel} paling banyak %{maxValue}.',
        invalidPath: "'%{path}' bukan jalur yang sah",
        pathExists: "Jalur '%{path}' sudah ada",
      },
    },
    editor: {
      onLeavePage: 'Tinggalkan halaman ini? Perubahan yang belum disimpan hilang.',
      onUpdatingWithUnsavedChanges: 'Ada perubahan yang belum disimpan; simpan dulu sebelum mengubah status.',
      onPublishingNotReady: 'Ubah status menjadi "Siap" sebelum menerbitkan.',
      onPublishingWithUnsavedChanges: 'Ada perubahan yang belum disimpan; simpan dulu sebelum menerbitkan.',
      onPublishing: 'Terbitkan halaman ini?',
      onUnpublishing: 'Tarik kembali halaman ini dari situs?',
      onDeletePublishedEntry: 'Hapus halaman yang sudah terbit ini? Alamatnya akan hilang; untuk mencabut, isi "gone:" dengan git.',
      loadingEntry: 'Memuat halaman…',
      confirmLoadBackup: 'Ditemukan salinan yang belum disimpan untuk halaman ini. Pakai salinan itu?',
    },
    editorInterface: { togglePreview: 'Tampilkan/sembunyikan pratinjau', toggleScrollSync: 'Gulir bersamaan' },
    editorToolbar: {
      publishing: 'Menerbitkan…', publish: 'Terbitkan', published: 'Sudah terbit', unpublish: 'Tarik dari situs',
      duplicate: 'Gandakan', unpublishing: 'Menarik…', publishAndCreateNew: 'Terbitkan dan buat baru',
      publishAndDuplicate: 'Terbitkan dan gandakan', deleteUnpublishedChanges: 'Hapus perubahan yang belum terbit',
      deleteUnpublishedEntry: 'Hapus konsep', deletePublishedEntry: 'Hapus halaman yang sudah terbit', deleteEntry: 'Hapus',
      saving: 'Menyimpan…', save: 'Simpan', deleting: 'Menghapus…', updating: 'Memperbarui…', status: 'Status: %{status}',
      backCollection: ' Menulis di bagian %{collectionLabel}', unsavedChanges: 'Belum disimpan', changesSaved: 'Tersimpan',
      draft: 'Konsep', inReview: 'Ditinjau', ready: 'Siap', publishNow: 'Terbitkan sekarang',
      deployPreviewPendingButtonLabel: 'Periksa pratinjau', deployPreviewButtonLabel: 'Lihat pratinjau', deployButtonLabel: 'Lihat di situs',
    },
    editorWidgets: {
      markdown: {
        bold: 'Tebal', italic: 'Miring', link: 'Tautan', linkPrompt: 'Alamat tautan', headings: 'Judul bagian',
        quote: 'Kutipan', bulletedList: 'Daftar berbutir', numberedList: 'Daftar bernomor', addComponent: 'Sisipkan',
        richText: 'Teks', markdown: 'Markdown',
        toggleMode: { rich: 'Beralih ke teks', markdown: 'Beralih ke Markdown' },
      },
      image: {
        choose: 'Pilih foto', chooseMultiple: 'Pilih foto', chooseDifferent: 'Ganti foto', addMore: 'Tambah foto',
        remove: 'Buang foto', removeAll: 'Buang semua foto',
      },
      file: { choose: 'Pilih berkas', chooseDifferent: 'Ganti berkas', remove: 'Buang berkas' },
      headingOptions: { headingTwo: 'Judul bagian', headingThree: 'Subjudul' },
      datetime: { now: 'Sekarang', clear: 'Kosongkan', setToNow: 'Isi %{fieldLabel} dengan waktu sekarang' },
      list: { add: 'Tambah %{item}', addType: 'Tambah %{item}', noItems: 'Belum ada' },
    },
  },
  mediaLibrary: {
    mediaLibraryCard: { draft: 'Konsep', copy: 'Salin', copyUrl: 'Salin alamat', copyPath: 'Salin jalur', copyName: 'Salin nama', copied: 'Tersalin' },
    mediaLibrary: { onDelete: 'Hapus foto atau berkas yang dipilih?', fileTooLarge: 'Berkas terlalu besar (paling besar %{size} kB).' },
    mediaLibraryModal: {
      loading: 'Memuat…', close: 'Tutup', noResults: 'Tidak ada hasil.', noAssetsFound: 'Belum ada berkas.',
      noImagesFound: 'Belum ada foto.', images: 'Foto', mediaAssets: 'Foto dan berkas', search: 'Cari…',
      uploading: 'Mengunggah…', upload: 'Unggah', download: 'Unduh', deleting: 'Menghapus…',
      deleteSelected: 'Hapus yang dipilih', chooseSelected: 'Pakai yang dipilih',
    },
  },
  ui: {
    default: { goBackToSite: 'Kembali ke situs' },
    settingsDropdown: { logOut: 'Keluar', account: 'Akun' },
    toast: {
      onFailToLoadEntries: 'Halaman tidak dapat dimuat: %{details}',
      onFailToPersist: 'Tidak disimpan: %{details}',
      onFailToDelete: 'Tidak dihapus: %{details}',
      onFailToUpdateStatus: 'Status tidak diubah: %{details}',
      missingRequiredField: 'Ada isian wajib yang belum diisi atau belum benar. Lengkapi dulu sebelum menyimpan.',
      entrySaved: 'Tersimpan', entryPublished: 'Terbit', entryUnpublished: 'Ditarik dari situs',
      onFailToPublishEntry: 'Tidak diterbitkan: %{details}', entryUpdated: 'Status diubah',
      onLoggedOut: 'Anda telah keluar; salin tulisan Anda lalu masuk lagi',
    },
  },
  workflow: {
    workflow: {
      loading: 'Memuat alur kerja', workflowHeading: 'Alur kerja penyuntingan', newPost: 'Tulisan baru',
      description: '%{smart_count} tulisan menunggu tinjauan, %{readyCount} siap terbit. |||| %{smart_count} tulisan menunggu tinjauan, %{readyCount} siap terbit. ',
      dateFormat: 'D MMMM',
    },
    workflowCard: {
      lastChange: '%{date} oleh %{author}', lastChangeNoAuthor: '%{date}', lastChangeNoDate: 'oleh %{author}',
      deleteChanges: 'Hapus perubahan', deleteNewEntry: 'Hapus tulisan baru', publishChanges: 'Terbitkan perubahan', publishNewEntry: 'Terbitkan tulisan baru',
    },
    workflowList: {
      onDeleteEntry: 'Hapus tulisan ini?',
      onPublishingNotReadyEntry: 'Hanya tulisan berstatus "Siap" yang dapat diterbitkan. Seret kartunya ke kolom "Siap".',
      onPublishEntry: 'Terbitkan tulisan ini?', draftHeader: 'Konsep', inReviewHeader: 'Ditinjau', readyHeader: 'Siap',
      currentEntries: '%{smart_count} tulisan |||| %{smart_count} tulisan',
    },
  },
});
