"""Demo articles for the featured columns: Bản tin Pháp luật, An toàn giao thông and Chuyển đổi số."""

ARTICLES = [
    # ------------------------------------------------------------------ Bản tin Pháp luật
    dict(
        section="ban-tin-phap-luat",
        format="standard",
        title="Phổ biến Luật Bảo vệ dữ liệu cá nhân cho cán bộ, công chức và doanh nghiệp trên địa bàn quận An Phú",
        lead="Ngày 14/10, Phòng Tư pháp quận An Phú phối hợp Công an quận tổ chức hội nghị phổ biến Luật "
             "Bảo vệ dữ liệu cá nhân cho hơn 250 cán bộ, công chức, đại diện doanh nghiệp và hộ kinh doanh. "
             "Đây là đạo luật đầu tiên quy định toàn diện việc thu thập, xử lý và bảo vệ dữ liệu cá nhân, "
             "có hiệu lực từ ngày 1/1/2026.",
        body=[
            "Tại hội nghị, báo cáo viên pháp luật của Công an thành phố đã giới thiệu bố cục, phạm vi điều "
            "chỉnh và những nội dung cốt lõi của Luật. Theo đó, dữ liệu cá nhân gồm dữ liệu cá nhân cơ bản "
            "và dữ liệu cá nhân nhạy cảm như thông tin về sức khoẻ, sinh trắc học, tài chính, vị trí. Việc "
            "xử lý dữ liệu cá nhân về nguyên tắc phải có sự đồng ý của chủ thể dữ liệu, trừ một số trường "
            "hợp luật định.",
            "## Nghiêm cấm mua bán dữ liệu cá nhân",
            "Luật nghiêm cấm hành vi mua, bán dữ liệu cá nhân, trừ trường hợp luật có quy định khác. Tổ "
            "chức vi phạm quy định về mua bán dữ liệu cá nhân có thể bị phạt tiền tối đa tới 10 lần khoản "
            "thu có được từ hành vi vi phạm. Với hành vi vi phạm quy định về chuyển dữ liệu cá nhân xuyên "
            "biên giới, mức phạt tối đa có thể lên tới 5% doanh thu của năm trước liền kề.",
            "Đối với doanh nghiệp, hộ kinh doanh, báo cáo viên lưu ý việc thu thập số điện thoại, ảnh giấy "
            "tờ tuỳ thân, thông tin tài khoản của khách hàng phải đúng mục đích, có thông báo rõ ràng và có "
            "biện pháp bảo vệ phù hợp. Các cơ sở lưu trú, cửa hàng, phòng khám tư nhân cần rà soát lại quy "
            "trình lưu giữ giấy tờ của khách, tuyệt đối không chụp, chia sẻ tràn lan qua các nhóm mạng xã "
            "hội.",
            "## Mỗi người dân chủ động bảo vệ dữ liệu của mình",
            "Phát biểu kết luận, lãnh đạo Phòng Tư pháp quận đề nghị các cơ quan, đơn vị tiếp tục phổ biến "
            "Luật tới từng tổ dân phố bằng những hình thức ngắn gọn, dễ hiểu. Người dân cần cảnh giác trước "
            "các đường link lạ, hạn chế công khai thông tin cá nhân trên mạng xã hội. Khi phát hiện dữ liệu "
            "của mình bị lộ lọt, mua bán trái phép, người dân cần kịp thời trình báo cơ quan công an.",
        ],
        byline="TRẦN MINH KHOA",
        source="Theo Báo điện tử thành phố",
        keywords=["Bảo vệ dữ liệu cá nhân", "Phổ biến pháp luật", "Chuyển đổi số", "Hộ kinh doanh"],
        cover_caption="Báo cáo viên giới thiệu những nội dung cơ bản của Luật Bảo vệ dữ liệu cá nhân tại hội nghị.",
        cover_credit="Ảnh: Minh Khoa",
        days_ago=41, hour=16, minute=30,
    ),
    dict(
        section="ban-tin-phap-luat",
        format="standard",
        title="Hỏi đáp pháp luật: Nhà bị lún nứt do hàng xóm xây dựng, người dân cần làm gì để bảo vệ quyền lợi?",
        lead="Bạn đọc Nguyễn Văn T. (phường Hòa Nghĩa) hỏi: Gia đình hàng xóm phá dỡ nhà cũ để xây nhà bốn "
             "tầng khiến tường nhà tôi nứt nhiều chỗ, nền bếp bị lún. Tôi đã nhiều lần đề nghị nhưng chủ "
             "nhà chưa phản hồi, vậy tôi cần làm gì để được bồi thường?",
        body=[
            "Phòng Tư pháp quận An Phú trả lời như sau: Theo Điều 174 Bộ luật Dân sự năm 2015, khi xây dựng "
            "công trình, chủ sở hữu bất động sản phải tuân theo pháp luật về xây dựng, bảo đảm an toàn và "
            "không được xâm phạm quyền, lợi ích hợp pháp của chủ sở hữu bất động sản liền kề. Điều 584 Bộ "
            "luật này cũng quy định người nào có hành vi xâm phạm tài sản của người khác mà gây thiệt hại "
            "thì phải bồi thường.",
            "## Các bước bảo vệ quyền lợi",
            "Trước hết, gia đình ông nên chụp ảnh, quay video, ghi lại thời điểm xuất hiện các vết nứt, lún "
            "và lập biên bản hiện trạng với sự chứng kiến của tổ trưởng tổ dân phố. Đây là căn cứ quan "
            "trọng để xác định mức độ thiệt hại và mối liên hệ giữa việc thi công với hư hỏng của ngôi nhà.",
            "Tiếp đó, ông có thể đề nghị tổ hoà giải ở cơ sở hoặc Uỷ ban nhân dân phường Hòa Nghĩa tổ chức "
            "hoà giải để hai bên thoả thuận mức bồi thường, phương án khắc phục. Đồng thời, ông có quyền "
            "phản ánh tới Uỷ ban nhân dân phường để kiểm tra việc chấp hành giấy phép xây dựng và các biện "
            "pháp bảo đảm an toàn khi thi công.",
            "Trường hợp hoà giải không thành, ông có quyền khởi kiện tại Toà án có thẩm quyền để yêu cầu "
            "bồi thường thiệt hại. Khi cần được hướng dẫn thêm, người dân có thể liên hệ Phòng Tư pháp quận "
            "trong giờ hành chính hoặc gửi câu hỏi tới chuyên mục Bản tin Pháp luật.",
        ],
        byline="PHẠM THỊ LAN ANH",
        source=None,
        keywords=["Hỏi đáp pháp luật", "Phổ biến pháp luật", "Hoà giải ở cơ sở", "Phường Hòa Nghĩa"],
        cover_caption="Tường nhà một hộ dân bị nứt do công trình liền kề thi công.",
        cover_credit="Ảnh: Lan Anh",
        days_ago=27, hour=8, minute=10,
    ),
    dict(
        section="ban-tin-phap-luat",
        format="standard",
        title="Trợ giúp pháp lý lưu động tại phường Đa Phúc giải đáp hơn 60 vướng mắc về đất đai, hôn nhân gia đình",
        lead="Ngày 22/9, Trung tâm Trợ giúp pháp lý nhà nước thành phố phối hợp Phòng Tư pháp quận An Phú "
             "và Uỷ ban nhân dân phường Đa Phúc tổ chức buổi trợ giúp pháp lý lưu động tại nhà văn hoá khu "
             "phố Đông. Gần 150 người dân, phần đông là ngư dân, người cao tuổi và thành viên hộ nghèo, đã "
             "đến dự.",
        body=[
            "Tại buổi sinh hoạt, các trợ giúp viên pháp lý đã giới thiệu những nội dung cơ bản của Luật Trợ "
            "giúp pháp lý, trong đó nêu rõ các nhóm đối tượng được trợ giúp pháp lý miễn phí như người có "
            "công với cách mạng, người thuộc hộ nghèo, trẻ em. Người cao tuổi, người khuyết tật, nạn nhân "
            "bạo lực gia đình có khó khăn về tài chính cũng thuộc diện được trợ giúp. Người dân được hướng "
            "dẫn cách liên hệ, giấy tờ cần chuẩn bị khi đề nghị trợ giúp pháp lý.",
            "## Lắng nghe những vướng mắc rất cụ thể",
            "Phần lớn câu hỏi của người dân xoay quanh thủ tục cấp giấy chứng nhận quyền sử dụng đất, chia "
            "thừa kế nhà đất, ly hôn và cấp dưỡng nuôi con. Bà Lê Thị H., 68 tuổi, cho biết đã nhiều năm lo "
            "lắng vì mảnh đất cha mẹ để lại chưa làm được thủ tục thừa kế do các anh chị em ở xa. Sau khi "
            "được hướng dẫn trình tự khai nhận di sản, bà đã yên tâm và sẽ sớm chuẩn bị hồ sơ.",
            "Với những vụ việc phức tạp, Trung tâm tiếp nhận hồ sơ để cử trợ giúp viên pháp lý trực tiếp tư "
            "vấn hoặc tham gia tố tụng theo quy định. Ngay trong buổi sinh hoạt, Trung tâm đã thụ lý 5 vụ "
            "việc, trong đó có 2 vụ tranh chấp đất đai của các hộ ngư dân.",
            "## Đưa pháp luật đến gần hơn với người yếu thế",
            "Theo Phòng Tư pháp quận, từ đầu năm đến nay đã có 6 buổi trợ giúp pháp lý lưu động được tổ "
            "chức tại các phường, tập trung vào những khu vực có đông người lao động tự do và ngư dân. Thời "
            "gian tới, quận sẽ phối hợp với Trung tâm duy trì hoạt động này định kỳ hằng quý, đồng thời "
            "niêm yết số điện thoại tư vấn tại nhà văn hoá các tổ dân phố.",
        ],
        byline="ĐỖ THANH BÌNH",
        source=None,
        keywords=["Trợ giúp pháp lý", "Phổ biến pháp luật", "An sinh xã hội", "Phường Đa Phúc"],
        cover_caption="Trợ giúp viên pháp lý tư vấn cho người dân tại nhà văn hoá khu phố Đông, phường Đa Phúc.",
        cover_credit="Ảnh: Thanh Bình",
        days_ago=63, hour=17, minute=5,
    ),
    dict(
        section="ban-tin-phap-luat",
        format="standard",
        title="Tổ hoà giải tổ dân phố số 7 phường Minh Đức: gỡ những nút thắt mâu thuẫn từ bên chén trà",
        lead="Không hội trường, không biên bản cứng nhắc, nhiều cuộc hoà giải của tổ hoà giải tổ dân phố số "
             "7 phường Minh Đức bắt đầu từ một ấm trà nóng. Bằng sự kiên nhẫn và hiểu biết pháp luật, từ "
             "đầu năm đến nay tổ đã hoà giải thành 11/12 vụ việc, giữ gìn tình làng nghĩa xóm trong khu dân "
             "cư.",
        body=[
            "Tổ hoà giải gồm 5 thành viên là tổ trưởng tổ dân phố, chi hội trưởng phụ nữ, chi hội trưởng "
            "cựu chiến binh, một luật sư đã nghỉ hưu và một đoàn viên thanh niên. Tổ trưởng tổ hoà giải, "
            "ông Nguyễn Đình Lộc, năm nay 71 tuổi, đã có gần 15 năm gắn bó với công việc không lương nhưng "
            "nhiều trăn trở này.",
            "## Hiểu chuyện nhà, thấu tình người",
            "Theo ông Lộc, mâu thuẫn ở khu dân cư thường bắt nguồn từ những chuyện nhỏ như lối đi chung, "
            "nước thải, tiếng ồn hay vật nuôi. Nếu không được hoà giải sớm, chuyện nhỏ dễ thành chuyện lớn, "
            "thậm chí dẫn tới xô xát hoặc kiện tụng kéo dài. Vì vậy, mỗi khi nắm được thông tin, tổ hoà "
            "giải đều chủ động gặp riêng từng bên để lắng nghe trước khi mời các bên ngồi lại cùng nhau.",
            "Giữa năm nay, hai hộ gia đình trong tổ dân phố xảy ra tranh chấp về ranh giới bức tường chung "
            "khi một hộ sửa nhà. Tổ hoà giải đã cùng cán bộ địa chính phường đối chiếu hồ sơ, giải thích "
            "quy định của pháp luật về ranh giới giữa các bất động sản liền kề. Sau hai buổi gặp gỡ, hai "
            "bên thống nhất cùng chia chi phí xây lại bức tường và ký biên bản hoà giải thành.",
            "## Cần thêm nguồn lực cho hoà giải ở cơ sở",
            "Hiện toàn quận An Phú có 96 tổ hoà giải với hơn 500 hoà giải viên. Phòng Tư pháp quận cho biết "
            "sẽ tiếp tục tổ chức tập huấn kỹ năng, cung cấp tài liệu pháp luật và đề xuất mức hỗ trợ phù "
            "hợp để các hoà giải viên yên tâm gắn bó với công việc.",
        ],
        byline="NGÔ THỊ HƯƠNG",
        source=None,
        keywords=["Hoà giải ở cơ sở", "Phổ biến pháp luật", "Đại đoàn kết", "Phường Minh Đức"],
        cover_caption="Tổ hoà giải tổ dân phố số 7 phường Minh Đức trao đổi với người dân tại nhà văn hoá.",
        cover_credit="Ảnh: Ngô Hương",
        days_ago=86, hour=9, minute=20,
    ),
    dict(
        section="ban-tin-phap-luat",
        format="standard",
        title="Quận An Phú đẩy mạnh tuyên truyền phòng, chống ma tuý và thuốc lá điện tử trong các trường trung học cơ sở",
        lead="Sáng 28/9, Công an quận An Phú phối hợp Phòng Giáo dục và Đào tạo tổ chức chương trình “Nói "
             "không với ma tuý” tại Trường THCS Tân Thành, mở đầu đợt tuyên truyền tại 9 trường trung học "
             "cơ sở trên địa bàn. Chương trình tập trung cảnh báo các loại ma tuý mới được nguỵ trang dưới "
             "dạng thuốc lá điện tử, nước uống, bánh kẹo.",
        body=[
            "Tại buổi tuyên truyền, cán bộ Đội Cảnh sát điều tra tội phạm về ma tuý Công an quận đã giới "
            "thiệu những quy định cơ bản của Luật Phòng, chống ma tuý và tác hại của chất gây nghiện đối "
            "với sức khoẻ, tâm lý lứa tuổi học sinh. Các em được quan sát mô hình các loại ma tuý tổng hợp, "
            "tinh dầu pha trộn chất cấm và những sản phẩm có bao bì bắt mắt thường bị đối tượng xấu lợi "
            "dụng để lôi kéo giới trẻ.",
            "## Cảnh giác với “bẫy” từ thuốc lá điện tử",
            "Báo cáo viên cho biết, theo Nghị quyết của Quốc hội, từ năm 2025, việc sản xuất, kinh doanh, "
            "nhập khẩu, tàng trữ, vận chuyển và sử dụng thuốc lá điện tử, thuốc lá nung nóng đã bị cấm. Tuy "
            "vậy, một số đối tượng vẫn lợi dụng mạng xã hội để rao bán các loại tinh dầu, “nước vui” có "
            "trộn chất ma tuý. Học sinh tuyệt đối không nhận, không thử bất kỳ sản phẩm lạ nào, kể cả khi "
            "được bạn bè mời.",
            "Nhiều câu hỏi được học sinh đặt ra sôi nổi, như cách nhận biết bạn bè có dấu hiệu sử dụng chất "
            "gây nghiện hay cần làm gì khi bị ép thử. Các em được hướng dẫn báo ngay cho thầy cô, cha mẹ "
            "hoặc gọi điện tới đường dây nóng của Công an quận để được hỗ trợ kịp thời.",
            "## Gắn kết nhà trường, gia đình và xã hội",
            "Theo kế hoạch, đợt tuyên truyền kéo dài đến hết tháng 11, kết hợp với các buổi sinh hoạt dưới "
            "cờ, thi vẽ tranh và sân khấu hoá. Phòng Giáo dục và Đào tạo quận đề nghị các trường phối hợp "
            "chặt chẽ với phụ huynh, chú ý những thay đổi bất thường về sức khoẻ, hành vi của học sinh để "
            "phát hiện, can thiệp sớm.",
        ],
        byline="LÊ QUANG VINH",
        source=None,
        keywords=["Phòng chống ma tuý", "Học sinh", "Phổ biến pháp luật", "An ninh trật tự",
                  "Phường Tân Thành"],
        cover_caption="Học sinh Trường THCS Tân Thành tìm hiểu các loại ma tuý nguỵ trang tại buổi tuyên truyền.",
        cover_credit="Ảnh: Quang Vinh",
        days_ago=57, hour=15, minute=40,
    ),
    dict(
        section="ban-tin-phap-luat",
        format="standard",
        title="Trao giải Cuộc thi tìm hiểu pháp luật trực tuyến hưởng ứng Ngày Pháp luật Việt Nam năm 2026 của quận An Phú",
        lead="Sáng 12/11, Hội đồng phối hợp phổ biến, giáo dục pháp luật quận An Phú tổng kết và trao giải "
             "Cuộc thi tìm hiểu pháp luật trực tuyến hưởng ứng Ngày Pháp luật Việt Nam (9/11). Sau bốn tuần "
             "phát động, cuộc thi thu hút hơn 8.600 lượt dự thi, gấp gần hai lần năm trước.",
        body=[
            "Cuộc thi được tổ chức trên nền tảng trực tuyến, người dự thi chỉ cần dùng điện thoại thông "
            "minh quét mã QR hoặc truy cập trang thông tin điện tử của quận. Câu hỏi xoay quanh Hiến pháp, "
            "các luật mới có hiệu lực như Luật Bảo vệ dữ liệu cá nhân, Luật Trật tự, an toàn giao thông "
            "đường bộ, Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ cùng nhiều quy định gần gũi với đời "
            "sống hằng ngày.",
            "## Lan toả tinh thần thượng tôn pháp luật",
            "Điểm đáng chú ý của cuộc thi năm nay là sự tham gia đông đảo của đoàn viên thanh niên, học "
            "sinh trung học phổ thông và hội viên các đoàn thể ở khu dân cư. Phường Đồng Tâm và phường Tân "
            "Thành là hai đơn vị có số lượt dự thi cao nhất, lần lượt đạt 1.920 và 1.650 lượt.",
            "Ban Tổ chức đã trao 1 giải Nhất, 2 giải Nhì, 3 giải Ba, 10 giải Khuyến khích cho các cá nhân "
            "và 2 giải tập thể cho các đơn vị có nhiều người tham gia. Giải Nhất thuộc về em Trần Bảo Ngọc, "
            "học sinh lớp 11 Trường THPT An Phú, với kết quả trả lời đúng toàn bộ 30 câu hỏi trong thời "
            "gian ngắn nhất.",
            "Phát biểu tại buổi lễ, lãnh đạo Uỷ ban nhân dân quận đánh giá cuộc thi là cách làm hiệu quả, "
            "tiết kiệm trong công tác phổ biến, giáo dục pháp luật thời kỳ chuyển đổi số. Quận sẽ tiếp tục "
            "nhân rộng hình thức thi trực tuyến để mỗi người dân chủ động tìm hiểu và tự giác chấp hành "
            "pháp luật.",
        ],
        byline="VŨ HOÀNG YẾN",
        source=None,
        keywords=["Phổ biến pháp luật", "Ngày Pháp luật Việt Nam", "Chuyển đổi số", "Thanh niên",
                  "Phường Đồng Tâm"],
        cover_caption="Lãnh đạo quận trao giải Nhất cuộc thi cho học sinh Trường THPT An Phú.",
        cover_credit="Ảnh: Hoàng Yến",
        days_ago=12, hour=11, minute=0,
    ),
    dict(
        section="ban-tin-phap-luat",
        format="standard",
        title="Phổ biến Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ tới hộ gia đình, hộ kinh doanh phường Tân Thành",
        lead="Tối 8/8, Uỷ ban nhân dân phường Tân Thành phối hợp Công an phường tổ chức hội nghị phổ biến "
             "Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ cho hơn 200 đại diện hộ gia đình, hộ kinh "
             "doanh. Luật có hiệu lực từ ngày 1/7/2025, với nhiều quy định đáng chú ý đối với nhà ở kết hợp "
             "sản xuất, kinh doanh.",
        body=[
            "Phường Tân Thành có nhiều tuyến phố buôn bán sầm uất, hàng trăm nhà ở kết hợp kinh doanh và "
            "các dãy nhà trọ cho công nhân thuê. Không ít ngôi nhà chỉ có một lối ra vào, cửa sổ, ban công "
            "bị bịt kín bằng khung sắt, tiềm ẩn nguy cơ mất an toàn khi xảy ra cháy.",
            "## Những yêu cầu cụ thể với nhà ở kết hợp kinh doanh",
            "Tại hội nghị, cán bộ Công an phường đã phổ biến các quy định về bảo đảm an toàn phòng cháy, "
            "chữa cháy đối với hộ gia đình và nhà ở kết hợp sản xuất, kinh doanh. Theo đó, các hộ phải "
            "trang bị phương tiện chữa cháy phù hợp, bảo đảm an toàn hệ thống điện, không để hàng hoá dễ "
            "cháy gần nguồn nhiệt và duy trì lối thoát nạn thông thoáng.",
            "Người dân cũng được hướng dẫn cách sử dụng bình chữa cháy, kỹ năng thoát nạn khi có khói và "
            "cách gọi số điện thoại 114. Ngay sau hội nghị, nhiều hộ kinh doanh đã đăng ký mở lối thoát "
            "hiểm phụ qua ban công, tầng mái trong tháng 8.",
            "## Nhân rộng mô hình “Tổ liên gia an toàn phòng cháy, chữa cháy”",
            "Đến nay, phường Tân Thành đã xây dựng 42 tổ liên gia an toàn phòng cháy, chữa cháy và 15 điểm "
            "chữa cháy công cộng tại các khu dân cư. Thời gian tới, lực lượng chức năng sẽ kiểm tra, hướng "
            "dẫn từng hộ kinh doanh khắc phục tồn tại, không để xảy ra cháy, nổ nghiêm trọng trên địa bàn.",
        ],
        byline="ĐINH VĂN TÙNG",
        source=None,
        keywords=["Phổ biến pháp luật", "Phòng cháy chữa cháy", "Hộ kinh doanh", "Phường Tân Thành"],
        cover_caption="Cán bộ Công an phường Tân Thành hướng dẫn người dân sử dụng bình chữa cháy.",
        cover_credit="Ảnh: Văn Tùng",
        days_ago=108, hour=20, minute=40,
    ),
    # ------------------------------------------------------------------ An toàn giao thông
    dict(
        section="an-toan-giao-thong",
        format="standard",
        featured=True,
        title="Công an quận An Phú xử lý hơn 320 trường hợp vi phạm nồng độ cồn trong một tháng cao điểm",
        lead="Từ ngày 15/10 đến 15/11, lực lượng Cảnh sát giao thông Công an quận An Phú đã kiểm tra gần "
             "4.800 lượt phương tiện, phát hiện và xử lý 326 trường hợp người điều khiển phương tiện vi "
             "phạm quy định về nồng độ cồn. Tổng số tiền phạt hơn 1,6 tỷ đồng, tạm giữ 298 phương tiện.",
        body=[
            "Đợt cao điểm được triển khai theo kế hoạch của Công an thành phố, tập trung vào khung giờ từ "
            "18 giờ đến 2 giờ sáng hôm sau trên các tuyến đường có nhiều nhà hàng, quán ăn như đường ven "
            "biển Hải Thành, khu vực chợ đêm An Phú và các tuyến nối với quốc lộ. Các tổ công tác được bố "
            "trí linh hoạt, thường xuyên thay đổi vị trí, kết hợp tuần tra lưu động với kiểm soát tại chốt.",
            "## Nhiều trường hợp vi phạm ở mức cao nhất",
            "Theo thống kê, trong số các trường hợp vi phạm có 291 người điều khiển xe mô tô, xe gắn máy và "
            "35 người điều khiển ô tô. Đáng chú ý, có tới 87 trường hợp vi phạm ở mức cao nhất, tức nồng độ "
            "cồn vượt quá 80 miligam/100 mililít máu hoặc vượt quá 0,4 miligam/1 lít khí thở.",
            "Theo Nghị định số 168/2024/NĐ-CP, người điều khiển xe mô tô, xe gắn máy vi phạm nồng độ cồn ở "
            "mức cao nhất bị phạt tiền từ 8 đến 10 triệu đồng, người điều khiển ô tô bị phạt từ 30 đến 40 "
            "triệu đồng. Cùng với đó, người vi phạm còn bị tước quyền sử dụng giấy phép lái xe từ 22 đến 24 "
            "tháng.",
            "## Không có vùng cấm, không có ngoại lệ",
            "Lãnh đạo Công an quận cho biết, việc kiểm soát nồng độ cồn sẽ được duy trì thường xuyên, nhất "
            "là dịp cuối năm và Tết Nguyên đán, với tinh thần “không có vùng cấm, không có ngoại lệ”. Các "
            "trường hợp vi phạm là cán bộ, công chức sẽ được thông báo về cơ quan, đơn vị để xem xét, xử "
            "lý. Người dân được khuyến cáo thực hiện nghiêm quy định “Đã uống rượu, bia thì không lái xe”, "
            "chủ động đi taxi, xe công nghệ hoặc nhờ người thân đưa đón.",
        ],
        byline="NGUYỄN HỮU THẮNG",
        source=None,
        keywords=["An toàn giao thông", "Nồng độ cồn", "An ninh trật tự", "Phổ biến pháp luật"],
        cover_caption="Cảnh sát giao thông Công an quận kiểm tra nồng độ cồn người điều khiển xe máy trên "
                      "đường ven biển Hải Thành.",
        cover_credit="Ảnh: Hữu Thắng",
        days_ago=5, hour=10, minute=15,
    ),
    dict(
        section="an-toan-giao-thong",
        format="standard",
        title="Đội mũ bảo hiểm đạt chuẩn, cài quai đúng cách: thói quen nhỏ giúp bảo vệ tính mạng khi tham gia giao thông",
        lead="Dù tỷ lệ người đội mũ bảo hiểm khi đi xe máy trên địa bàn quận An Phú đã ở mức cao, tình "
             "trạng sử dụng mũ kém chất lượng, không cài quai hoặc không đội mũ cho trẻ nhỏ vẫn còn khá phổ "
             "biến, nhất là trên các tuyến đường trong khu dân cư.",
        body=[
            "Khảo sát nhanh của Đoàn Thanh niên quận tại cổng một số chợ, trường học vào đầu tháng 10 cho "
            "thấy nhiều người chỉ đội những chiếc mũ mỏng, nhẹ như mũ thời trang, không có lớp xốp bảo vệ "
            "bên trong. Không ít phụ huynh đội mũ cho mình nhưng để con nhỏ ngồi sau không đội mũ hoặc đội "
            "mũ quá rộng, quai lỏng lẻo.",
            "## Mũ kém chất lượng không bảo vệ được người đội",
            "Theo các bác sĩ Trung tâm Y tế quận, nhiều ca chấn thương sọ não do tai nạn giao thông được "
            "tiếp nhận thời gian qua là người không đội mũ bảo hiểm hoặc đội mũ không đạt chuẩn. Mũ bảo "
            "hiểm đạt chuẩn phải có đủ vỏ mũ, lớp xốp hấp thụ xung động, quai đeo và có dấu hợp quy CR. Khi "
            "đội, quai mũ phải được cài chắc chắn, vừa khít dưới cằm.",
            "Pháp luật quy định người điều khiển, người ngồi trên xe mô tô, xe gắn máy phải đội mũ bảo hiểm "
            "và cài quai đúng quy cách. Người điều khiển xe chở người ngồi sau không đội mũ bảo hiểm cũng "
            "bị xử phạt, trừ một số trường hợp như chở người bệnh đi cấp cứu, trẻ em dưới 6 tuổi. Dù vậy, "
            "các bác sĩ khuyến cáo phụ huynh nên cho trẻ nhỏ đội mũ bảo hiểm dành riêng cho trẻ em để bảo "
            "đảm an toàn.",
            "## Tặng mũ, hướng dẫn cách đội mũ đúng",
            "Từ đầu năm học, Ban An toàn giao thông quận phối hợp với các nhà tài trợ trao tặng hơn 1.500 "
            "mũ bảo hiểm đạt chuẩn cho học sinh lớp 1 các trường tiểu học. Các chi hội phụ nữ, đoàn viên "
            "thanh niên cũng tổ chức đổi mũ kém chất lượng lấy mũ đạt chuẩn tại các chợ, giúp người dân "
            "hình thành thói quen tự bảo vệ mình và người thân.",
        ],
        byline="LÝ THU TRANG",
        source=None,
        keywords=["An toàn giao thông", "Mũ bảo hiểm", "Học sinh", "Phổ biến pháp luật"],
        cover_caption="Đoàn viên thanh niên hướng dẫn phụ huynh cài quai mũ bảo hiểm đúng cách cho con trước cổng trường.",
        cover_credit="Ảnh: Thu Trang",
        days_ago=46, hour=9, minute=40,
    ),
    dict(
        section="an-toan-giao-thong",
        format="standard",
        title="Mô hình “Cổng trường an toàn giao thông” giúp giờ tan học tại phường Hòa Nghĩa bớt cảnh ùn tắc, lộn xộn",
        lead="Từ đầu năm học 2026 - 2027, cả 5 trường học trên địa bàn phường Hòa Nghĩa triển khai mô hình "
             "“Cổng trường an toàn giao thông”. Sau hơn một tuần, cảnh phụ huynh dừng đỗ xe tràn ra lòng "
             "đường vào giờ tan học đã giảm rõ rệt.",
        body=[
            "Mỗi buổi sáng và chiều, trước cổng các trường đều có tổ tự quản gồm giáo viên, phụ huynh tình "
            "nguyện và đoàn viên thanh niên làm nhiệm vụ hướng dẫn. Khu vực đón, trả học sinh được kẻ vạch "
            "sơn, chia làn riêng cho xe máy, xe đạp và lối đi bộ. Phụ huynh được đề nghị dừng xe đúng vị "
            "trí, đón con xong nhanh chóng rời đi, không dừng đỗ dàn hàng hai, hàng ba.",
            "## Phân luồng theo khối lớp",
            "Tại Trường Tiểu học Hòa Nghĩa, nhà trường bố trí giờ tan học lệch nhau 10 phút giữa các khối "
            "lớp để tránh dồn ứ. Học sinh chờ phụ huynh trong sân trường, chỉ ra cổng khi được giáo viên "
            "gọi tên qua loa. Chị Phạm Thu Hà, phụ huynh có con học lớp 3, cho biết trước đây mỗi lần đón "
            "con mất gần 20 phút chen chúc, nay chỉ còn khoảng 5 phút.",
            "Công an phường Hòa Nghĩa cũng tăng cường lực lượng vào giờ cao điểm, nhắc nhở các hộ kinh "
            "doanh không lấn chiếm vỉa hè trước cổng trường. Những trường hợp dừng đỗ sai quy định, học "
            "sinh không đội mũ bảo hiểm được ghi nhận và thông báo về nhà trường để phối hợp nhắc nhở.",
            "## Giáo dục an toàn giao thông từ sớm",
            "Cùng với việc tổ chức giao thông, các trường lồng ghép nội dung an toàn giao thông vào giờ "
            "sinh hoạt lớp và hoạt động ngoại khoá. Ban An toàn giao thông quận đánh giá đây là mô hình cần "
            "được nhân rộng ra các trường học còn lại trên địa bàn ngay trong học kỳ I.",
        ],
        byline="PHAN NGỌC ÁNH",
        source=None,
        keywords=["An toàn giao thông", "Học sinh", "Giáo dục", "Phường Hòa Nghĩa"],
        cover_caption="Tổ tự quản hướng dẫn phụ huynh đón học sinh trước cổng Trường Tiểu học Hòa Nghĩa.",
        cover_credit="Ảnh: Ngọc Ánh",
        days_ago=71, hour=7, minute=30,
    ),
    dict(
        section="an-toan-giao-thong",
        format="standard",
        title="Phường Đồng Tâm ra quân lập lại trật tự lòng đường, vỉa hè, trả lại lối đi cho người đi bộ",
        lead="Sáng 8/11, Uỷ ban nhân dân phường Đồng Tâm ra quân cao điểm lập lại trật tự lòng đường, vỉa "
             "hè trên 6 tuyến phố trung tâm. Đợt cao điểm kéo dài đến hết tháng 12, hướng tới xây dựng các "
             "tuyến phố văn minh đô thị.",
        body=[
            "Lực lượng ra quân gồm Công an phường, đội trật tự đô thị, đoàn viên thanh niên và các tổ dân "
            "phố. Ngay trong buổi sáng, tổ công tác đã nhắc nhở gần 100 hộ kinh doanh thu gọn hàng hoá, "
            "biển quảng cáo, bàn ghế lấn chiếm vỉa hè, đồng thời tháo dỡ 17 mái che, mái vẩy vi phạm.",
            "## Bảo đảm phần vỉa hè dành cho người đi bộ",
            "Theo phương án của phường, trên các tuyến phố có vỉa hè rộng, hộ kinh doanh chỉ được sử dụng "
            "tạm thời một phần theo quy định và phải chừa lối đi cho người đi bộ. Việc trông giữ xe trên "
            "vỉa hè chỉ được thực hiện tại những vị trí được cơ quan có thẩm quyền cho phép, có kẻ vạch rõ "
            "ràng.",
            "Nhiều hộ kinh doanh đồng tình và tự giác sắp xếp lại. Ông Trần Văn Phúc, chủ một cửa hàng điện "
            "máy trên phố chính, cho biết: “Gia đình tôi đã dọn toàn bộ hàng hoá vào trong nhà. Vỉa hè "
            "thông thoáng thì khách đến cửa hàng cũng dễ dừng xe, dễ đi lại hơn”.",
            "## Kiên trì duy trì, không để tái lấn chiếm",
            "Lãnh đạo phường Đồng Tâm cho biết, sau đợt ra quân, các tổ công tác sẽ tuần tra thường xuyên "
            "cả ban ngày và buổi tối, kết hợp sử dụng camera giám sát để ghi nhận hành vi vi phạm. Các "
            "trường hợp tái phạm sẽ bị xử lý nghiêm và công khai trên hệ thống loa truyền thanh của phường.",
        ],
        byline="HÀ MINH ĐỨC",
        source="Theo Báo điện tử thành phố",
        keywords=["Trật tự đô thị", "Đô thị văn minh", "An toàn giao thông", "Phường Đồng Tâm"],
        cover_caption="Lực lượng chức năng phường Đồng Tâm nhắc nhở hộ kinh doanh thu gọn hàng hoá trên vỉa hè.",
        cover_credit="Ảnh: Hà Đức",
        days_ago=16, hour=12, minute=5,
    ),
    dict(
        section="an-toan-giao-thong",
        format="standard",
        title="Cải tạo nút giao ngã năm Minh Đức, lắp đèn tín hiệu giao thông để xoá điểm tiềm ẩn nguy cơ tai nạn",
        lead="Ban Quản lý dự án đầu tư xây dựng quận An Phú vừa hoàn thành cải tạo nút giao ngã năm Minh "
             "Đức, đưa hệ thống đèn tín hiệu giao thông vào vận hành từ ngày 20/10. Đây là nút giao từng "
             "được xác định là điểm tiềm ẩn nguy cơ tai nạn giao thông trên địa bàn quận.",
        body=[
            "Ngã năm Minh Đức là nơi giao nhau của năm tuyến đường, trong đó có hai tuyến nối khu dân cư "
            "với khu công nghiệp phía bắc thành phố. Vào giờ cao điểm, lưu lượng xe máy, ô tô và xe tải qua "
            "nút giao rất lớn, trong khi trước đây chưa có đèn tín hiệu, các hướng xe đan xen nên dễ xảy ra "
            "va chạm.",
            "## Mở rộng góc rẽ, kẻ vạch phân làn",
            "Công trình có tổng mức đầu tư gần 9 tỷ đồng từ ngân sách quận, được thi công trong hơn ba "
            "tháng. Các hạng mục chính gồm mở rộng bán kính rẽ tại các góc giao, xây dựng đảo giao thông, "
            "kẻ vạch phân làn, lắp đặt đèn tín hiệu có đồng hồ đếm ngược và đèn dành cho người đi bộ. Hệ "
            "thống chiếu sáng và camera giám sát cũng được bổ sung để hỗ trợ lực lượng chức năng điều tiết, "
            "xử lý vi phạm.",
            "Ghi nhận trong những ngày đầu vận hành, dòng phương tiện qua nút giao đã trật tự hơn, tình "
            "trạng các hướng xe tranh nhau đi không còn. Ông Lê Văn Sáu, người dân sống gần ngã năm, cho "
            "biết trước đây mỗi lần qua đường đều rất lo lắng, nay đã có đèn cho người đi bộ nên yên tâm "
            "hơn nhiều.",
            "## Tiếp tục rà soát các điểm tiềm ẩn tai nạn",
            "Ban An toàn giao thông quận cho biết, năm 2026 quận đã rà soát, khắc phục 4 điểm tiềm ẩn nguy "
            "cơ tai nạn giao thông. Năm 2027, quận dự kiến tiếp tục bố trí vốn cải tạo thêm 3 nút giao, bổ "
            "sung biển báo, gờ giảm tốc trên các tuyến đường gần trường học và chợ.",
        ],
        byline="CAO VĂN LỢI",
        source=None,
        keywords=["Đường giao thông", "An toàn giao thông", "Đầu tư công", "Phường Minh Đức"],
        cover_caption="Đèn tín hiệu giao thông được đưa vào vận hành tại nút giao ngã năm Minh Đức.",
        cover_credit="Ảnh: Văn Lợi",
        days_ago=33, hour=16, minute=10,
    ),
    dict(
        section="an-toan-giao-thong",
        format="standard",
        title="Quận An Phú tưởng niệm nạn nhân tử vong do tai nạn giao thông, tặng quà gia đình có hoàn cảnh khó khăn",
        lead="Sáng 15/11, hưởng ứng Ngày Thế giới tưởng niệm các nạn nhân tử vong do tai nạn giao thông, "
             "Ban An toàn giao thông quận An Phú tổ chức lễ tưởng niệm tại Nhà văn hoá quận. Buổi lễ có sự "
             "tham dự của đại diện các cơ quan, đơn vị, thân nhân các nạn nhân và đông đảo đoàn viên thanh "
             "niên.",
        body=[
            "Trong không khí trang nghiêm, các đại biểu dành một phút mặc niệm tưởng nhớ những người đã "
            "thiệt mạng vì tai nạn giao thông. Báo cáo tại buổi lễ cho biết, 10 tháng năm 2026, trên địa "
            "bàn quận xảy ra 19 vụ tai nạn giao thông, làm chết 7 người, bị thương 15 người, giảm cả ba "
            "tiêu chí so với cùng kỳ năm trước.",
            "## Nỗi đau không của riêng ai",
            "Chia sẻ tại buổi lễ, bà Nguyễn Thị Thanh, ở phường Đa Phúc, có con trai tử vong năm ngoái do "
            "bị một người say rượu điều khiển xe máy đâm phải, nghẹn ngào kể về những tháng ngày mất mát. "
            "Bà mong mỗi người khi tham gia giao thông hãy nghĩ tới người thân đang chờ ở nhà, để không "
            "uống rượu, bia khi lái xe, không phóng nhanh, vượt ẩu.",
            "Nhân dịp này, Ban An toàn giao thông quận phối hợp Uỷ ban Mặt trận Tổ quốc quận trao 20 suất "
            "quà, mỗi suất trị giá 2 triệu đồng, cho các gia đình nạn nhân có hoàn cảnh khó khăn. Năm học "
            "sinh có cha hoặc mẹ qua đời vì tai nạn giao thông cũng được trao học bổng để tiếp tục đến "
            "trường.",
            "## Thắp nến, chung tay vì an toàn giao thông",
            "Buổi tối cùng ngày, hàng trăm đoàn viên thanh niên thắp nến tưởng niệm và ký cam kết chấp hành "
            "nghiêm pháp luật về trật tự, an toàn giao thông. Ban An toàn giao thông quận kêu gọi mỗi người "
            "dân trở thành một tuyên truyền viên, chung tay kéo giảm tai nạn giao thông một cách bền vững.",
        ],
        byline="TRƯƠNG THỊ NGA",
        source=None,
        keywords=["An toàn giao thông", "Nồng độ cồn", "An sinh xã hội", "Thanh niên"],
        cover_caption="Đoàn viên thanh niên thắp nến tưởng niệm các nạn nhân tử vong do tai nạn giao thông.",
        cover_credit="Ảnh: Trương Nga",
        days_ago=9, hour=21, minute=0,
    ),
    dict(
        section="an-toan-giao-thong",
        format="standard",
        title="Ngăn chặn tình trạng học sinh chưa đủ tuổi điều khiển xe máy đến trường trước thềm năm học mới",
        lead="Chuẩn bị cho năm học 2026 - 2027, Ban An toàn giao thông quận An Phú phối hợp Phòng Giáo dục "
             "và Đào tạo, Công an quận triển khai nhiều giải pháp ngăn chặn tình trạng học sinh chưa đủ "
             "tuổi điều khiển xe máy. Phụ huynh học sinh sẽ ký cam kết ngay từ buổi họp đầu năm học.",
        body=[
            "Năm học trước, lực lượng chức năng của quận đã phát hiện, xử lý hơn 140 trường hợp học sinh "
            "điều khiển xe máy khi chưa đủ tuổi, chủ yếu trên các tuyến đường quanh trường học và đường ven "
            "biển vào buổi tối. Nhiều em còn chở hai, ba bạn, không đội mũ bảo hiểm, lạng lách, tiềm ẩn "
            "nguy cơ tai nạn cao.",
            "## Quy định về độ tuổi điều khiển phương tiện",
            "Theo Luật Trật tự, an toàn giao thông đường bộ, người đủ 16 tuổi trở lên mới được điều khiển "
            "xe gắn máy, tức xe có dung tích xi-lanh không quá 50 cm3 hoặc động cơ điện có công suất tương "
            "đương. Người đủ 18 tuổi trở lên mới được cấp giấy phép lái xe hạng A1, A để điều khiển xe mô "
            "tô. Người giao xe cho người không đủ điều kiện điều khiển phương tiện tham gia giao thông cũng "
            "bị xử phạt theo quy định.",
            "Vì vậy, trách nhiệm trước hết thuộc về phụ huynh. Các trường được đề nghị không nhận trông giữ "
            "xe máy của học sinh chưa đủ tuổi, đồng thời phối hợp với các điểm trông giữ xe xung quanh để "
            "kịp thời phát hiện, thông báo cho gia đình.",
            "## Khuyến khích đi xe đạp, xe buýt",
            "Cùng với các biện pháp quản lý, quận khuyến khích học sinh đi xe đạp, đi bộ hoặc sử dụng xe "
            "buýt đến trường. Đoàn Thanh niên quận sẽ tổ chức các buổi ngoại khoá về kỹ năng đi xe đạp an "
            "toàn, phối hợp với doanh nghiệp vận tải bố trí thêm chuyến xe buýt vào giờ tan học trên các "
            "tuyến có đông học sinh.",
        ],
        byline="HUỲNH VĂN KIÊN",
        source=None,
        keywords=["An toàn giao thông", "Học sinh", "Mũ bảo hiểm", "Phổ biến pháp luật", "Giáo dục"],
        cover_caption="Học sinh trung học cơ sở đạp xe đến trường trên địa bàn quận An Phú.",
        cover_credit="Ảnh: Văn Kiên",
        days_ago=101, hour=8, minute=45,
    ),
    # ------------------------------------------------------------------ Chuyển đổi số
    dict(
        section="chuyen-doi-so",
        format="standard",
        featured=True,
        title="Tỷ lệ hồ sơ nộp trực tuyến tại quận An Phú đạt 79%, người dân ngày càng ít phải đến trụ sở",
        lead="Tính đến hết tháng 10/2026, tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến tại Bộ phận Một cửa "
             "quận An Phú và 7 phường đạt 79%, tăng gần 25 điểm phần trăm so với cuối năm 2025. Dịch vụ "
             "công trực tuyến đang từng bước trở thành lựa chọn quen thuộc của người dân, doanh nghiệp.",
        body=[
            "Theo Văn phòng HĐND và UBND quận, trong 10 tháng, toàn quận tiếp nhận hơn 41.000 hồ sơ thủ tục "
            "hành chính, trong đó hơn 32.400 hồ sơ được nộp qua Cổng Dịch vụ công quốc gia. Tỷ lệ hồ sơ "
            "giải quyết đúng và trước hạn đạt 98,6%; 100% kết quả giải quyết được số hoá, lưu trữ trên hệ "
            "thống.",
            "## Thủ tục càng gần dân, tỷ lệ trực tuyến càng cao",
            "Những lĩnh vực có tỷ lệ nộp trực tuyến cao nhất là hộ tịch, chứng thực bản sao điện tử, đăng "
            "ký hộ kinh doanh và cấp giấy phép xây dựng nhà ở riêng lẻ. Phường An Phú dẫn đầu toàn quận với "
            "88% hồ sơ nộp trực tuyến, tiếp theo là phường Đồng Tâm với 85%.",
            "Anh Vũ Quang Huy, ở phường An Phú, vừa làm thủ tục đăng ký khai sinh, đăng ký thường trú và "
            "cấp thẻ bảo hiểm y tế cho con hoàn toàn trên điện thoại. “Tôi chỉ cần đăng nhập bằng tài khoản "
            "định danh điện tử, điền thông tin và chụp giấy chứng sinh. Vài ngày sau, kết quả đã được gửi "
            "về qua bưu điện và có cả bản điện tử”, anh Huy chia sẻ.",
            "## Tập trung tháo gỡ điểm nghẽn",
            "Bên cạnh kết quả đạt được, một số thủ tục vẫn còn tình trạng hồ sơ trực tuyến phải bổ sung "
            "nhiều lần do người dân chưa nắm rõ thành phần hồ sơ. Quận yêu cầu các bộ phận chuyên môn rà "
            "soát, chuẩn hoá hướng dẫn trên cổng dịch vụ công, đồng thời duy trì đội ngũ hỗ trợ tại Bộ phận "
            "Một cửa để phấn đấu đạt trên 80% vào cuối năm.",
        ],
        byline="ĐẶNG THU HIỀN",
        source=None,
        keywords=["Dịch vụ công trực tuyến", "Cải cách hành chính", "Chuyển đổi số", "Phường An Phú",
                  "Phường Đồng Tâm"],
        cover_caption="Cán bộ Bộ phận Một cửa quận An Phú hướng dẫn người dân nộp hồ sơ trực tuyến.",
        cover_credit="Ảnh: Thu Hiền",
        days_ago=11, hour=15, minute=20,
    ),
    dict(
        section="chuyen-doi-so",
        format="standard",
        title="“Chợ 4.0” ở chợ cá Đa Phúc: tiểu thương quen dần với mã QR, người đi chợ không cần mang tiền mặt",
        lead="Sau năm tháng triển khai mô hình “Chợ 4.0”, hơn 90% tiểu thương tại chợ cá Đa Phúc đã treo mã "
             "QR thanh toán. Việc mua bán trở nên nhanh gọn, minh bạch hơn, nhất là vào những phiên chợ sớm "
             "tấp nập khi tàu cá cập bến.",
        body=[
            "Bốn giờ sáng, chợ cá Đa Phúc đã tấp nập kẻ bán người mua. Trên mỗi sạp hàng, bên cạnh chiếc "
            "cân và những thau cá còn tươi rói là tấm biển nhỏ in mã QR được bọc ni-lông cẩn thận để tránh "
            "nước. Khách chỉ cần quét mã, chuyển khoản và chờ loa thông báo đã nhận tiền là có thể xách cá "
            "về.",
            "## Từ bỡ ngỡ đến quen tay",
            "Bà Trần Thị Liên, gần 30 năm bán cá tại chợ, kể ban đầu bà rất ngại vì không rành điện thoại, "
            "sợ chuyển nhầm, mất tiền. Được đoàn viên thanh niên và cán bộ ngân hàng hướng dẫn tận nơi, bà "
            "đã biết kiểm tra số dư, cài loa báo tiền. “Bây giờ không phải thối tiền lẻ, tay lấm cá cũng "
            "không phải cầm tiền, vừa sạch vừa nhanh”, bà Liên nói.",
            "Không chỉ người mua lẻ, các chủ vựa, chủ nhà hàng cũng chuyển sang thanh toán qua tài khoản "
            "ngân hàng khi nhập hàng số lượng lớn. Cách làm này giúp giảm rủi ro khi phải mang theo nhiều "
            "tiền mặt lúc nửa đêm, rạng sáng, đồng thời thuận tiện cho việc đối chiếu, ghi chép sổ sách.",
            "## Hướng tới chợ văn minh, hiện đại",
            "Theo Uỷ ban nhân dân phường Đa Phúc, cùng với thanh toán không dùng tiền mặt, Ban Quản lý chợ "
            "đã chuyển sang thu phí dịch vụ qua mã QR và lắp đặt hệ thống camera giám sát. Phường phấn đấu "
            "đến cuối năm 2026, 100% tiểu thương tại hai chợ trên địa bàn sử dụng thanh toán điện tử, từng "
            "bước đưa thuỷ sản của ngư dân lên các sàn thương mại điện tử.",
        ],
        byline="VƯƠNG MINH CHÂU",
        source=None,
        keywords=["Chợ 4.0", "Thanh toán không dùng tiền mặt", "Chuyển đổi số", "Kinh tế biển",
                  "Phường Đa Phúc"],
        cover_caption="Khách hàng quét mã QR thanh toán tại một sạp cá ở chợ Đa Phúc.",
        cover_credit="Ảnh: Minh Châu",
        days_ago=31, hour=7, minute=15,
    ),
    dict(
        section="chuyen-doi-so",
        format="standard",
        title="Tổ công nghệ số cộng đồng phường Minh Đức “cầm tay chỉ việc” giúp người cao tuổi dùng điện thoại thông minh",
        lead="Mỗi sáng Chủ nhật, nhà văn hoá tổ dân phố số 2 phường Minh Đức lại rộn ràng tiếng hỏi han của "
             "các cụ cao tuổi đến “học” điện thoại. Lớp học đặc biệt này do tổ công nghệ số cộng đồng của "
             "phường duy trì suốt nhiều tháng nay.",
        body=[
            "Tổ công nghệ số cộng đồng phường Minh Đức có 35 thành viên, phần lớn là đoàn viên thanh niên, "
            "giáo viên và cán bộ hưu trí am hiểu công nghệ. Mỗi tổ dân phố có ít nhất hai thành viên phụ "
            "trách, sẵn sàng hỗ trợ người dân ngay tại nhà khi có yêu cầu.",
            "## Học từ những thao tác đơn giản nhất",
            "Nội dung hướng dẫn xuất phát từ nhu cầu thực tế của người cao tuổi như gọi video cho con cháu "
            "ở xa, kích hoạt và sử dụng ứng dụng VNeID, tra cứu thông tin lương hưu, đặt lịch khám bệnh "
            "trực tuyến. Mỗi người được một thành viên kèm riêng, thực hành trực tiếp trên điện thoại của "
            "mình cho đến khi thành thạo.",
            "Ông Phạm Văn Khải, 74 tuổi, cho biết trước đây mỗi lần làm thủ tục đều phải nhờ con cháu xin "
            "nghỉ làm để đưa đi. Nay ông đã tự tra cứu được thông tin bảo hiểm y tế, biết nhận diện tin "
            "nhắn lừa đảo và thường xuyên gọi video cho cháu đang học ở nước ngoài.",
            "## Lan toả tới mọi khu dân cư",
            "Từ đầu năm đến nay, tổ công nghệ số cộng đồng phường Minh Đức đã hỗ trợ hơn 1.800 lượt người "
            "dân, trong đó gần một nửa là người cao tuổi. Phường đang phối hợp với các doanh nghiệp viễn "
            "thông tặng điện thoại thông minh cho hộ nghèo, hộ cận nghèo để không ai bị bỏ lại phía sau "
            "trong quá trình chuyển đổi số.",
        ],
        byline="KIỀU ANH THƯ",
        source=None,
        keywords=["Tổ công nghệ số cộng đồng", "Người cao tuổi", "Chuyển đổi số", "Phường Minh Đức"],
        cover_caption="Thành viên tổ công nghệ số cộng đồng hướng dẫn người cao tuổi sử dụng ứng dụng VNeID.",
        cover_credit="Ảnh: Anh Thư",
        days_ago=78, hour=10, minute=0,
    ),
    dict(
        section="chuyen-doi-so",
        format="standard",
        title="Phường Đồng Tâm kích hoạt tài khoản định danh điện tử mức độ 2 cho 95% người dân đủ điều kiện",
        lead="Đến giữa tháng 10, Công an phường Đồng Tâm đã kích hoạt tài khoản định danh điện tử mức độ 2 "
             "cho hơn 21.000 người, đạt 95% số công dân đủ điều kiện. Đây là nền tảng để người dân sử dụng "
             "dịch vụ công trực tuyến và nhiều tiện ích số trên ứng dụng VNeID.",
        body=[
            "Để đạt kết quả này, Công an phường đã tổ chức nhiều đợt cao điểm làm thủ tục cấp căn cước, "
            "kích hoạt tài khoản định danh điện tử vào buổi tối và ngày nghỉ. Với người cao tuổi, người "
            "khuyết tật, người bệnh nặng, tổ công tác đến tận nhà thu nhận thông tin, hướng dẫn cài đặt và "
            "kích hoạt.",
            "## Nhiều tiện ích thiết thực trên VNeID",
            "Sau khi kích hoạt, người dân có thể dùng tài khoản để đăng nhập Cổng Dịch vụ công quốc gia, "
            "tích hợp giấy phép lái xe, thẻ bảo hiểm y tế và nhiều giấy tờ khác. Các thủ tục như thông báo "
            "lưu trú, đăng ký thường trú, đề nghị cấp phiếu lý lịch tư pháp có thể thực hiện ngay trên ứng "
            "dụng mà không cần đến trụ sở.",
            "Chị Nguyễn Thị Hồng Nhung, ở tổ dân phố số 5, vừa đề nghị cấp phiếu lý lịch tư pháp để bổ sung "
            "hồ sơ xin việc ngay trên điện thoại. Chỉ sau vài ngày, chị đã nhận được kết quả mà không phải "
            "nghỉ làm để đi nộp hồ sơ như trước.",
            "## Cảnh giác với ứng dụng giả mạo",
            "Công an phường khuyến cáo người dân chỉ tải ứng dụng VNeID từ kho ứng dụng chính thức, tuyệt "
            "đối không cung cấp mật khẩu, mã xác thực cho bất kỳ ai, kể cả người tự xưng là cán bộ công an. "
            "Mọi vướng mắc trong quá trình sử dụng, người dân liên hệ trực tiếp Công an phường hoặc tổ công "
            "nghệ số cộng đồng tại khu dân cư để được hỗ trợ.",
        ],
        byline="TÔ HOÀI NAM",
        source=None,
        keywords=["Định danh điện tử", "Dịch vụ công trực tuyến", "Cải cách hành chính", "Chuyển đổi số",
                  "Phường Đồng Tâm"],
        cover_caption="Cán bộ Công an phường Đồng Tâm hướng dẫn người dân kích hoạt tài khoản định danh điện tử.",
        cover_credit="Ảnh: Hoài Nam",
        days_ago=38, hour=14, minute=35,
    ),
    dict(
        section="chuyen-doi-so",
        format="standard",
        title="Phong trào “Bình dân học vụ số” lan toả tới từng tổ dân phố, hơn 12.000 người dân được phổ cập kỹ năng số",
        lead="Sau gần một năm triển khai, phong trào “Bình dân học vụ số” trên địa bàn quận An Phú đã giúp "
             "hơn 12.000 người dân được trang bị kỹ năng số cơ bản. Nhiều lớp học được mở ngay tại nhà văn "
             "hoá, trường học, chợ và cả bến cá.",
        body=[
            "Phong trào được triển khai theo tinh thần “người biết dạy người chưa biết”, huy động giáo "
            "viên, đoàn viên thanh niên, học sinh, sinh viên tham gia hướng dẫn. Nội dung học tập gồm sử "
            "dụng điện thoại thông minh, dịch vụ công trực tuyến, thanh toán điện tử, nhận diện tin giả, "
            "lừa đảo trực tuyến và khai thác thông tin trên môi trường mạng.",
            "## Lớp học ở bến cá Hải Thành",
            "Tại phường Hải Thành, Đoàn Thanh niên phường mở các lớp học buổi chiều ngay tại khu vực bến "
            "cá, khi ngư dân đã về bờ nghỉ ngơi. Các bạn trẻ hướng dẫn ngư dân cài đặt ứng dụng nhật ký "
            "khai thác điện tử, tra cứu dự báo thời tiết biển và dùng tài khoản ngân hàng để nhận tiền bán "
            "cá.",
            "Ông Nguyễn Văn Lực, chủ một tàu cá ở Hải Thành, cho biết trước đây ông chỉ dùng điện thoại để "
            "nghe, gọi. Sau vài buổi học, ông đã tự khai báo được nhật ký khai thác, nhận thông báo bão qua "
            "ứng dụng và còn hướng dẫn lại cho các thuyền viên trên tàu.",
            "## Mỗi người dân là một “công dân số”",
            "Ban Chỉ đạo chuyển đổi số quận đặt mục tiêu đến hết năm 2027, trên 80% người dân trong độ tuổi "
            "trưởng thành có kỹ năng số cơ bản. Các phường được giao xây dựng kế hoạch cụ thể cho từng nhóm "
            "đối tượng, ưu tiên người cao tuổi, người lao động tự do và phụ nữ ở khu dân cư.",
        ],
        byline="LÂM THỊ KIM OANH",
        source=None,
        keywords=["Bình dân học vụ số", "Chuyển đổi số", "Thanh niên", "Kinh tế biển", "Phường Hải Thành"],
        cover_caption="Đoàn viên thanh niên hướng dẫn ngư dân phường Hải Thành sử dụng ứng dụng trên điện thoại thông minh.",
        cover_credit="Ảnh: Kim Oanh",
        days_ago=1, hour=17, minute=40,
    ),
    dict(
        section="chuyen-doi-so",
        format="standard",
        title="Cảnh giác thủ đoạn giả danh cơ quan chức năng gọi điện yêu cầu cài ứng dụng lạ để “cập nhật thông tin”",
        lead="Thời gian gần đây, nhiều người dân trên địa bàn quận An Phú nhận được cuộc gọi của đối tượng "
             "tự xưng là cán bộ công an, điện lực, cơ quan thuế, yêu cầu cài đặt ứng dụng để “cập nhật "
             "thông tin định danh”. Chỉ trong tháng 10, Công an quận đã tiếp nhận 9 tin báo, với tổng số "
             "tiền bị chiếm đoạt hơn 1,3 tỷ đồng.",
        body=[
            "Thủ đoạn chung của các đối tượng là gọi điện, đọc đúng họ tên, số căn cước, địa chỉ của người "
            "dân để tạo lòng tin. Sau đó, chúng gửi đường link yêu cầu tải ứng dụng giả mạo có giao diện "
            "giống ứng dụng của cơ quan nhà nước, rồi hướng dẫn người dân cấp quyền truy cập điện thoại, "
            "nhập mật khẩu ngân hàng.",
            "## Mất tiền chỉ sau vài phút",
            "Bà L., 63 tuổi, ở phường Tân Thành, nhận được cuộc gọi từ người tự xưng là cán bộ công an "
            "phường, thông báo tài khoản định danh điện tử của bà sai thông tin và cần cập nhật ngay. Làm "
            "theo hướng dẫn, bà cài ứng dụng lạ và chụp ảnh khuôn mặt theo yêu cầu. Chỉ vài phút sau, hơn "
            "400 triệu đồng trong tài khoản tiết kiệm trực tuyến của bà đã bị chuyển đi.",
            "Công an quận khẳng định, cơ quan công an không làm việc, hướng dẫn người dân cài đặt ứng dụng "
            "hay cập nhật thông tin qua điện thoại. Các thủ tục hành chính chỉ được thực hiện tại trụ sở cơ "
            "quan nhà nước hoặc trên Cổng Dịch vụ công quốc gia, ứng dụng VNeID chính thức.",
            "## Nguyên tắc “ba không” để tự bảo vệ",
            "Người dân cần ghi nhớ nguyên tắc: không cài ứng dụng từ đường link lạ, không cung cấp mật "
            "khẩu, mã OTP, không chuyển tiền cho người lạ theo yêu cầu qua điện thoại. Khi nghi ngờ bị lừa "
            "đảo, cần liên hệ ngay ngân hàng để phong toả tài khoản và trình báo cơ quan công an gần nhất "
            "để được hỗ trợ kịp thời.",
        ],
        byline="NGHIÊM QUỐC BẢO",
        source="Theo Báo điện tử thành phố",
        keywords=["An toàn thông tin", "Chuyển đổi số", "Định danh điện tử", "Người cao tuổi",
                  "Phường Tân Thành"],
        cover_caption="Cán bộ Công an quận tuyên truyền phương thức, thủ đoạn lừa đảo trực tuyến cho người dân.",
        cover_credit="Ảnh: Quốc Bảo",
        days_ago=18, hour=20, minute=15,
    ),
    dict(
        section="chuyen-doi-so",
        format="standard",
        title="Các trường học quận An Phú sẵn sàng triển khai học bạ số, thu các khoản dịch vụ không dùng tiền mặt",
        lead="Chuẩn bị cho năm học 2026 - 2027, 100% trường tiểu học và trung học cơ sở công lập trên địa "
             "bàn quận An Phú đã sẵn sàng triển khai học bạ số, sổ liên lạc điện tử. Các khoản thu dịch vụ "
             "phục vụ học sinh đều được thực hiện theo hình thức không dùng tiền mặt.",
        body=[
            "Theo Phòng Giáo dục và Đào tạo quận, học bạ số được triển khai theo hướng dẫn của Bộ Giáo dục "
            "và Đào tạo, có giá trị như học bạ giấy. Kết quả học tập, rèn luyện của học sinh được cập nhật, "
            "ký số và lưu trữ tập trung, khắc phục tình trạng thất lạc, hư hỏng học bạ như trước đây.",
            "## Phụ huynh theo dõi việc học của con qua điện thoại",
            "Thông qua sổ liên lạc điện tử, phụ huynh có thể theo dõi điểm số, thời khoá biểu, nhận xét của "
            "giáo viên và thông báo của nhà trường. Chị Lê Thị Mai Hương, có con học lớp 7 Trường THCS Đồng "
            "Tâm, cho biết nhờ sổ liên lạc điện tử, chị nắm được tình hình học tập của con hằng tuần mà "
            "không phải chờ đến buổi họp phụ huynh.",
            "Các khoản thu như tiền bán trú, bảo hiểm y tế học sinh, dịch vụ đưa đón đều được nhà trường "
            "thông báo qua ứng dụng, phụ huynh thanh toán bằng chuyển khoản hoặc ví điện tử. Cách làm này "
            "giúp công khai, minh bạch các khoản thu, giảm áp lực thu, chi tiền mặt cho giáo viên chủ "
            "nhiệm.",
            "## Đầu tư hạ tầng, bồi dưỡng đội ngũ",
            "Để bảo đảm triển khai hiệu quả, quận đã nâng cấp đường truyền internet, trang bị thêm máy tính "
            "cho các trường và tổ chức tập huấn ký số cho hơn 900 giáo viên. Trong năm học mới, ngành giáo "
            "dục quận tiếp tục xây dựng thư viện số, kho học liệu điện tử dùng chung cho các trường.",
        ],
        byline="PHÙNG THỊ MAI",
        source=None,
        keywords=["Chuyển đổi số", "Giáo dục", "Học sinh", "Thanh toán không dùng tiền mặt",
                  "Phường Đồng Tâm"],
        cover_caption="Giáo viên cập nhật kết quả học tập của học sinh trên hệ thống học bạ số.",
        cover_credit="Ảnh: Phùng Mai",
        days_ago=93, hour=11, minute=25,
    ),
    dict(
        section="chuyen-doi-so",
        format="standard",
        title="Hơn 600 hộ kinh doanh phường Tân Thành được hỗ trợ dùng hoá đơn điện tử, bán hàng trên sàn thương mại điện tử",
        lead="Từ tháng 5 đến nay, Uỷ ban nhân dân phường Tân Thành phối hợp cơ quan thuế và các doanh "
             "nghiệp công nghệ tổ chức 14 lớp hướng dẫn, hỗ trợ hơn 600 hộ kinh doanh chuyển đổi số. Nhiều "
             "hộ đã sử dụng thành thạo hoá đơn điện tử khởi tạo từ máy tính tiền và mở gian hàng trực "
             "tuyến.",
        body=[
            "Phường Tân Thành hiện có gần 1.500 hộ kinh doanh, phần lớn kinh doanh tạp hoá, ăn uống, thời "
            "trang và dịch vụ sửa chữa. Trước yêu cầu sử dụng hoá đơn điện tử khởi tạo từ máy tính tiền đối "
            "với hộ kinh doanh có doanh thu từ 1 tỷ đồng/năm trở lên, nhiều hộ còn lúng túng vì chưa quen "
            "phần mềm, thiết bị.",
            "## Hỗ trợ tận nơi, miễn phí phần mềm năm đầu",
            "Các lớp hướng dẫn được tổ chức vào buổi tối tại nhà văn hoá khu phố để không ảnh hưởng việc "
            "buôn bán của các hộ. Cán bộ thuế, kỹ thuật viên của doanh nghiệp hướng dẫn từng bước đăng ký, "
            "cài đặt phần mềm bán hàng, kết nối máy in hoá đơn. Một số doanh nghiệp còn hỗ trợ miễn phí "
            "phần mềm trong năm đầu tiên cho các hộ kinh doanh nhỏ.",
            "Chị Đỗ Thị Thanh Tâm, chủ một cửa hàng tạp hoá ở khu phố 3, cho biết từ khi dùng phần mềm bán "
            "hàng, chị quản lý hàng tồn kho, doanh thu chính xác hơn và xuất hoá đơn cho khách chỉ trong "
            "vài giây. Cửa hàng của chị còn mở thêm gian hàng trên sàn thương mại điện tử, mỗi tháng có "
            "thêm hàng chục đơn hàng giao tận nhà.",
            "## Hướng tới kinh tế số ở khu dân cư",
            "Phường Tân Thành đặt mục tiêu đến cuối năm 2026, 100% hộ kinh doanh thuộc diện bắt buộc sử "
            "dụng hoá đơn điện tử khởi tạo từ máy tính tiền và trên 70% hộ kinh doanh chấp nhận thanh toán "
            "không dùng tiền mặt. Các tổ công nghệ số cộng đồng sẽ tiếp tục đồng hành, hỗ trợ các hộ khi "
            "phát sinh vướng mắc.",
        ],
        byline="TẠ QUANG HUY",
        source=None,
        keywords=["Kinh tế số", "Hộ kinh doanh", "Thanh toán không dùng tiền mặt",
                  "Tổ công nghệ số cộng đồng", "Chuyển đổi số", "Phường Tân Thành"],
        cover_caption="Cán bộ hướng dẫn hộ kinh doanh phường Tân Thành xuất hoá đơn điện tử từ máy tính tiền.",
        cover_credit="Ảnh: Quang Huy",
        days_ago=117, hour=15, minute=50,
    ),
    # ------------------------------------------------------------------ Non-public (must never appear on the site)
    dict(
        section="ban-tin-phap-luat",
        format="standard",
        status="pending",
        title="Hỏi đáp pháp luật: Chủ nhà trọ tăng giá và đòi lại phòng trước thời hạn, người thuê cần làm gì?",
        lead="Bạn đọc Hoàng Thị M. (phường Hải Thành) hỏi: Tôi thuê phòng trọ theo hợp đồng một năm, mới ở "
             "được năm tháng thì chủ nhà thông báo tăng giá thuê và yêu cầu tôi trả phòng nếu không đồng ý. "
             "Chủ nhà làm như vậy có đúng quy định không?",
        body=[
            "Phòng Tư pháp quận An Phú trả lời như sau: Hợp đồng thuê nhà là sự thoả thuận giữa các bên, "
            "trong đó giá thuê, thời hạn thuê, quyền và nghĩa vụ của mỗi bên phải được thực hiện đúng như "
            "đã cam kết. Trong thời hạn hợp đồng, bên cho thuê chỉ được điều chỉnh giá thuê khi hợp đồng có "
            "thoả thuận về việc điều chỉnh giá hoặc được bên thuê đồng ý.",
            "## Chỉ được đơn phương chấm dứt hợp đồng trong một số trường hợp",
            "Theo Luật Nhà ở, bên cho thuê chỉ được đơn phương chấm dứt hợp đồng thuê nhà ở trong một số "
            "trường hợp như bên thuê không trả tiền thuê nhà từ 3 tháng trở lên mà không có lý do chính "
            "đáng, sử dụng nhà sai mục đích, tự ý đục phá, cải tạo nhà hoặc làm mất trật tự, vệ sinh môi "
            "trường nghiêm trọng. Khi đơn phương chấm dứt hợp đồng, bên cho thuê phải thông báo cho bên "
            "thuê biết trước ít nhất 30 ngày, trừ trường hợp các bên có thoả thuận khác.",
            "Như vậy, nếu hợp đồng không có điều khoản về điều chỉnh giá và bà không vi phạm nghĩa vụ của "
            "bên thuê, chủ nhà không có quyền tự ý tăng giá hoặc buộc bà trả phòng trước hạn. Trường hợp "
            "chủ nhà đơn phương chấm dứt hợp đồng trái quy định và gây thiệt hại, chủ nhà phải bồi thường "
            "cho bên thuê.",
            "Bà nên giữ lại hợp đồng, biên lai nộp tiền và các tin nhắn trao đổi với chủ nhà làm căn cứ. Bà "
            "có thể đề nghị tổ hoà giải ở cơ sở hoặc Uỷ ban nhân dân phường Hải Thành hỗ trợ hoà giải; nếu "
            "hoà giải không thành, bà có quyền khởi kiện tại Toà án có thẩm quyền.",
        ],
        byline="TRỊNH MAI PHƯƠNG",
        source=None,
        keywords=["Hỏi đáp pháp luật", "Phổ biến pháp luật", "Hoà giải ở cơ sở", "Phường Hải Thành"],
        cover_caption="Một khu nhà trọ cho người lao động thuê tại phường Hải Thành.",
        cover_credit="Ảnh: Mai Phương",
        days_ago=1, hour=14, minute=25,
    ),
    dict(
        section="an-toan-giao-thong",
        format="standard",
        status="scheduled",
        title="Ra mắt mô hình “Đã uống rượu, bia - Không lái xe” tại 12 nhà hàng ven biển phường Hải Thành",
        lead="Sáng 26/11, Ban An toàn giao thông quận An Phú phối hợp Uỷ ban nhân dân phường Hải Thành ra "
             "mắt mô hình “Đã uống rượu, bia - Không lái xe” tại 12 nhà hàng, quán ăn trên tuyến đường ven "
             "biển. Các cơ sở tham gia cam kết nhắc nhở thực khách và hỗ trợ gọi xe đưa khách về nhà.",
        body=[
            "Tuyến đường ven biển Hải Thành tập trung nhiều nhà hàng hải sản, thường đông khách vào buổi "
            "tối và cuối tuần. Thời gian qua, đây cũng là khu vực lực lượng chức năng phát hiện nhiều "
            "trường hợp vi phạm nồng độ cồn nhất trên địa bàn quận.",
            "## Nhà hàng cùng tham gia tuyên truyền",
            "Theo nội dung mô hình, các nhà hàng niêm yết khẩu hiệu và mã QR tra cứu quy định xử phạt tại "
            "bàn ăn, khu vực thanh toán. Nhân viên phục vụ được tập huấn để chủ động nhắc nhở khách đi xe "
            "máy, ô tô đến nhà hàng. Khi khách đã sử dụng rượu, bia, nhà hàng sẽ hỗ trợ trông giữ xe qua "
            "đêm và gọi taxi hoặc xe công nghệ đưa khách về.",
            "Lãnh đạo phường Hải Thành cho biết, sau ba tháng thực hiện, phường sẽ đánh giá, biểu dương các "
            "cơ sở làm tốt và đề xuất quận nhân rộng mô hình. Người dân và du khách được kêu gọi cùng hưởng "
            "ứng để mỗi bữa tiệc đều trọn niềm vui và an toàn trên đường về.",
        ],
        byline="LƯƠNG THẾ ANH",
        source=None,
        keywords=["An toàn giao thông", "Nồng độ cồn", "Du lịch", "Phường Hải Thành"],
        cover_caption="Một nhà hàng ven biển phường Hải Thành niêm yết khẩu hiệu “Đã uống rượu, bia - Không lái xe”.",
        cover_credit="Ảnh: Thế Anh",
        days_ago=-2, hour=11, minute=30,
    ),
    dict(
        section="chuyen-doi-so",
        format="standard",
        status="draft",
        title="Dự thảo Đề án xây dựng Trung tâm điều hành đô thị thông minh quận An Phú giai đoạn 2027 - 2030",
        lead="Phòng Văn hoá và Thông tin quận An Phú đang chủ trì xây dựng dự thảo Đề án Trung tâm điều "
             "hành đô thị thông minh giai đoạn 2027 - 2030, dự kiến lấy ý kiến các phòng, ban chuyên môn và "
             "Uỷ ban nhân dân 7 phường trong tháng 12.",
        body=[
            "Theo dự thảo, Trung tâm điều hành đô thị thông minh sẽ kết nối, tích hợp dữ liệu từ hệ thống "
            "camera giám sát an ninh, giao thông, ứng dụng phản ánh hiện trường, hệ thống dịch vụ công trực "
            "tuyến và các cơ sở dữ liệu chuyên ngành của quận. Lãnh đạo quận có thể theo dõi tình hình kinh "
            "tế - xã hội, chỉ đạo xử lý các vấn đề phát sinh theo thời gian thực.",
            "## Ưu tiên những bài toán thiết thực",
            "Giai đoạn đầu, đề án tập trung vào ba nhóm nhiệm vụ: giám sát trật tự đô thị, an toàn giao "
            "thông; tiếp nhận, xử lý phản ánh, kiến nghị của người dân; theo dõi tiến độ giải quyết thủ tục "
            "hành chính. Các nội dung khác như quản lý môi trường, cảnh báo thiên tai sẽ được bổ sung ở "
            "giai đoạn sau.",
            "Dự thảo cũng đề xuất tận dụng hạ tầng sẵn có, thuê dịch vụ công nghệ thông tin thay vì đầu tư "
            "mới toàn bộ để tiết kiệm ngân sách. Sau khi hoàn thiện, đề án sẽ được trình Uỷ ban nhân dân "
            "quận xem xét, phê duyệt.",
        ],
        byline="QUÁCH VĂN HIẾU",
        source=None,
        keywords=["Chuyển đổi số", "Đô thị thông minh", "Cải cách hành chính", "Trật tự đô thị"],
        cover_caption="Màn hình giám sát camera an ninh, giao thông tại trụ sở Uỷ ban nhân dân quận An Phú.",
        cover_credit="Ảnh: Văn Hiếu",
        days_ago=6, hour=10, minute=0,
    ),
]
