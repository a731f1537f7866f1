-- Demo district: Mapo-gu (마포구), its 16 administrative dongs.
insert into district_dong (district, dong, name_ko) values
    ('mapo', 'ahyeon', '아현동'),
    ('mapo', 'gongdeok', '공덕동'),
    ('mapo', 'dohwa', '도화동'),
    ('mapo', 'yonggang', '용강동'),
    ('mapo', 'daeheung', '대흥동'),
    ('mapo', 'yeomni', '염리동'),
    ('mapo', 'sinsu', '신수동'),
    ('mapo', 'seogang', '서강동'),
    ('mapo', 'seogyo', '서교동'),
    ('mapo', 'hapjeong', '합정동'),
    ('mapo', 'mangwon1', '망원1동'),
    ('mapo', 'mangwon2', '망원2동'),
    ('mapo', 'yeonnam', '연남동'),
    ('mapo', 'seongsan1', '성산1동'),
    ('mapo', 'seongsan2', '성산2동'),
    ('mapo', 'sangam', '상암동')
on conflict (district, dong) do update set name_ko = excluded.name_ko;
